curl -s localhost:8080/machines
