#!/usr/bin/env bash
# Makes the signature known-answer fixtures with the openssl command line. Run once; the outputs are checked in.
# The key pair is a throwaway TEST key made here, never a real merchant or Antom key.
set -euo pipefail
cd "$(dirname "$0")"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out test-private-key.pem 2>/dev/null
openssl pkey -in test-private-key.pem -pubout -out test-public-key.pem
# The bare base64 forms Antom's portal hands out: PKCS#8 private key, X.509 SubjectPublicKeyInfo public key.
grep -v '^-----' test-private-key.pem | tr -d '\n' > test-private-key.pkcs8.b64
grep -v '^-----' test-public-key.pem | tr -d '\n' > test-public-key.spki.b64
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 2>/dev/null | openssl pkey -pubout -out other-public-key.pem

write_case() { # name method path client time body
  printf '%s %s\n%s.%s.%s' "$2" "$3" "$4" "$5" "$6" > "$1.content.txt"
  openssl dgst -sha256 -sign test-private-key.pem "$1.content.txt" | openssl base64 -A > "$1.signature.b64"
  openssl dgst -sha256 -verify test-public-key.pem -signature <(openssl base64 -d -A < "$1.signature.b64") "$1.content.txt" >/dev/null
}
write_case capture POST /ams/api/v1/payments/capture TEST_CLIENT_1 1685599933871 \
  '{"captureRequestId":"cap_20260901_0001","paymentId":"202609011940108001001881234567890","captureAmount":{"currency":"BRL","value":"110"},"isLastCapture":false}'
write_case sandbox POST /ams/sandbox/api/v1/payments/capture SANDBOX_TEST_CLIENT 2026-09-01T07:13:50-07:00 \
  '{"captureRequestId":"cap_2","paymentId":"pay_2","captureAmount":{"currency":"JPY","value":"1000"}}'
write_case notify POST /antom/notify TEST_CLIENT_1 1685599999999 \
  '{"notifyType":"CAPTURE_RESULT","result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"},"captureRequestId":"cap_20260901_0001","paymentId":"202609011940108001001881234567890","captureId":"202609011940108001001881230000001","captureAmount":{"currency":"BRL","value":"110"}}'
echo "fixtures written"
