#!/usr/bin/env python3
"""Writes the hostile payload corpus: <contract>/<case>.json plus <case>.expected ({"path","rule"} or {"valid":true}).
Run once; the files are checked in and are the truth. Every case names the JSON path its error must carry."""
import json, os, shutil

here = os.path.dirname(os.path.abspath(__file__))
for d in os.listdir(here):
    if os.path.isdir(os.path.join(here, d)):
        shutil.rmtree(os.path.join(here, d))

def write(contract, name, data, expected):
    d = os.path.join(here, contract)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + '.json'), 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode('utf-8'))
    with open(os.path.join(d, name + '.expected'), 'w') as f:
        json.dump(expected, f)
        f.write('\n')

def err(path, rule): return {'path': path, 'rule': rule}
VALID = {'valid': True}
dump = lambda o: json.dumps(o, separators=(',', ':'), ensure_ascii=False)

result = {'resultCode': 'SUCCESS', 'resultStatus': 'S', 'resultMessage': 'success'}
amount = {'currency': 'BRL', 'value': '110'}
bases = {
    'capture-request': {'captureRequestId': 'cap-1', 'paymentId': 'pay-1', 'captureAmount': amount, 'isLastCapture': False},
    'capture-response': {'result': result, 'captureRequestId': 'cap-1', 'captureId': 'c-1', 'paymentId': 'pay-1', 'captureAmount': amount, 'captureTime': '2022-09-29T07:13:50-07:00', 'acquirerReferenceNo': 'arn'},
    'capture-result-notification': {'notifyType': 'CAPTURE_RESULT', 'result': result, 'captureRequestId': 'cap-1', 'paymentId': 'pay-1', 'captureId': 'c-1', 'captureAmount': amount, 'captureTime': '2022-09-29T07:13:50-07:00'},
    'payment-transaction': {'transactionType': 'CAPTURE', 'transactionStatus': 'SUCCESS', 'transactionResult': result, 'transactionId': 't-1', 'transactionRequestId': 'cap-1', 'transactionAmount': amount, 'transactionTime': '2022-09-29T07:13:50-07:00'},
    'inquiry-payment-response': {'result': result, 'paymentStatus': 'SUCCESS', 'paymentId': 'pay-1', 'paymentRequestId': 'req-1', 'paymentResultCode': 'SUCCESS', 'paymentResultMessage': 'ok', 'paymentAmount': amount, 'transactions': []},
    'result': dict(result),
    'amount': dict(amount),
    'notification-acknowledgement': {'result': result},
}
amount_field = {'capture-request': 'captureAmount', 'capture-response': 'captureAmount', 'capture-result-notification': 'captureAmount',
                'payment-transaction': 'transactionAmount', 'inquiry-payment-response': 'paymentAmount', 'amount': None}
required = {
    'capture-request': ['captureRequestId', 'paymentId', 'captureAmount'],
    'capture-response': ['result'],
    'capture-result-notification': ['notifyType', 'result', 'captureRequestId', 'paymentId', 'captureId', 'captureAmount'],
    'payment-transaction': ['transactionType', 'transactionStatus', 'transactionResult', 'transactionId', 'transactionRequestId', 'transactionAmount'],
    'inquiry-payment-response': ['result'],
    'result': ['resultCode', 'resultStatus'],
    'amount': ['currency', 'value'],
    'notification-acknowledgement': ['result'],
}
limits = {
    'capture-request': {'captureRequestId': 64, 'paymentId': 64},
    'capture-response': {'captureRequestId': 64, 'captureId': 64, 'paymentId': 64, 'acquirerReferenceNo': 64},
    'capture-result-notification': {'captureRequestId': 64, 'paymentId': 64, 'captureId': 64},
    'payment-transaction': {'transactionId': 64, 'transactionRequestId': 64},
    'inquiry-payment-response': {'paymentId': 64, 'paymentRequestId': 64, 'paymentResultCode': 64, 'paymentResultMessage': 256},
    'result': {'resultCode': 64, 'resultMessage': 256},
}

for contract, base in bases.items():
    text = dump(base)
    # truncations at known places
    write(contract, 'truncated-after-open-brace', '{', err('$', 'Syntax'))
    first = next(iter(base))
    write(contract, 'truncated-after-first-colon', '{' + dump(first) + ':', err('$.' + first, 'Syntax'))
    write(contract, 'empty', '', err('$', 'Syntax'))
    write(contract, 'not-an-object', '[1,2,3]', err('$', 'Type'))
    write(contract, 'a-string', '"payload"', err('$', 'Type'))
    write(contract, 'trailing-garbage', text + ' x', err('$', 'Syntax'))
    write(contract, 'utf16', ('\ufeff' + text).encode('utf-16-le'), err('$', 'Syntax'))
    write(contract, 'utf8-bom', b'\xef\xbb\xbf' + text.encode(), VALID)
    write(contract, 'deep-nesting-in-unknown-field', text[:-1] + ',"deep":' + '[' * 1000 + ']' * 1000 + '}', err('$.deep', 'Syntax'))
    write(contract, 'invalid-utf8-in-unknown-field', text[:-1].encode() + b',"x":"\xc3\x28"}', err('$', 'Syntax'))
    write(contract, 'comment', '/* hi */' + text, err('$', 'Syntax'))
    write(contract, 'trailing-comma', text[:-1] + ',}', err('$', 'Syntax'))
    for field in required[contract]:
        o = dict(base); o[field] = None
        write(contract, f'null-{field}', dump(o), err('$.' + field, 'Required'))
        o = dict(base); del o[field]
        write(contract, f'missing-{field}', dump(o), err('$.' + field, 'Required'))
    for field, limit in limits.get(contract, {}).items():
        o = dict(base); o[field] = 'x' * limit
        write(contract, f'{field}-at-{limit}', dump(o), VALID)
        o = dict(base); o[field] = 'x' * (limit + 1)
        write(contract, f'{field}-over-by-one', dump(o), err('$.' + field, 'MaxLength'))
    af = amount_field.get(contract, 'skip')
    if af != 'skip':
        prefix = '$.' + af if af else '$'
        def with_amount(a):
            o = dict(base)
            if af: o[af] = a; return dump(o)
            return dump(a)
        for name, value, rule in [('value-17-digits', '12345678901234567', 'Pattern'), ('value-plus', '+110', 'Pattern'), ('value-decimal', '1.10', 'Pattern'),
                                  ('value-exponent', '1e3', 'Pattern'), ('value-space-inside', '11 0', 'Pattern'), ('value-leading-space', ' 110', 'Pattern'),
                                  ('value-empty', '', 'Pattern'), ('value-negative', '-110', 'Pattern')]:
            write(contract, name, with_amount({'currency': 'BRL', 'value': value}), err(prefix + '.value', rule))
        write(contract, 'value-number', with_amount({'currency': 'BRL', 'value': 110}), err(prefix + '.value', 'Type'))
        write(contract, 'value-16-digits', with_amount({'currency': 'BRL', 'value': '9999999999999999'}), VALID)
        for name, cur in [('currency-lowercase', 'brl'), ('currency-four-letters', 'BRLL'), ('currency-empty', ''), ('currency-digits', 'B1L')]:
            write(contract, name, with_amount({'currency': cur, 'value': '110'}), err(prefix + '.currency', 'Pattern'))
        if af:
            write(contract, 'amount-as-array', with_amount([]), err(prefix, 'Type'))
            write(contract, 'amount-as-string', with_amount('BRL 1.10'), err(prefix, 'Type'))
    if 'result' in base:
        write(contract, 'duplicate-resultStatus-conflicting', text.replace('"resultStatus":"S"', '"resultStatus":"F","resultStatus":"S"'), err('$.result.resultStatus', 'DuplicateProperty'))
        write(contract, 'resultStatus-unknown-value', text.replace('"resultStatus":"S"', '"resultStatus":"OK"'), err('$.result.resultStatus', 'Enum'))
        write(contract, 'control-character-in-message', text.replace('"success"', '"suc\u0001cess"'), err('$.result.resultMessage', 'Syntax'))
    if contract == 'result':
        write(contract, 'duplicate-resultStatus-conflicting', text.replace('"resultStatus":"S"', '"resultStatus":"F","resultStatus":"S"'), err('$.resultStatus', 'DuplicateProperty'))
        write(contract, 'lone-surrogate-escape', text.replace('"success"', '"\\ud800"'), err('$.resultMessage', 'Syntax'))
    if contract == 'capture-result-notification':
        for t in ['CAPTURE', 'PAYMENT_RESULT', 'capture_result', '']:
            write(contract, f'notifyType-{t or "empty"}', text.replace('"CAPTURE_RESULT"', dump(t)), err('$.notifyType', 'Const'))
    if contract == 'capture-request':
        write(contract, 'isLastCapture-string-yes', text.replace('"isLastCapture":false', '"isLastCapture":"yes"'), err('$.isLastCapture', 'Type'))
        write(contract, 'isLastCapture-string-true', text.replace('"isLastCapture":false', '"isLastCapture":"true"'), VALID)
        write(contract, 'paymentId-object', text.replace('"paymentId":"pay-1"', '"paymentId":{}'), err('$.paymentId', 'Type'))
        write(contract, 'empty-ids', text.replace('"cap-1"', '""'), VALID)
print('written')
