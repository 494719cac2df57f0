curl -s -X POST localhost:8080/app-control/service -H 'Content-Type: application/json' -d '{
  "schema": "app_control.service.request.v1", "action": "run", "token": "local-service-token",
  "command": {"schema": "app_control.command.v1", "commandId": "cmd_1", "tool": "macos.computer_use",
              "operation": "readiness", "input": {}}}'
