curl -s -X POST localhost:8080/acp/threads -H 'Authorization: Bearer alice' -H 'Content-Type: application/json' -d '{}'
