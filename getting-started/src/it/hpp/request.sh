curl -s -X POST localhost:8080/handshake/session -H 'Content-Type: application/json' \
  -d '{"mode": "form-fill", "schema": [{"key": "name", "type": "string"}]}'
