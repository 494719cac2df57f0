curl -s -X POST localhost:8080/agent-login
