#!/usr/bin/env bash
# Rewrites miniprogram-contract/openapi.json from what the API serves (the contract test then passes). Commit the result.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/services.sh start test
eval "$(scripts/services.sh env test)"
export MINIAPP_TEST_MYSQL="$ConnectionStrings__MySql" MINIAPP_TEST_REDIS="$ConnectionStrings__Redis"
MINIAPP_UPDATE_CONTRACT=1 dotnet test tests/MiniApp.Api.IntegrationTests -nologo -v quiet \
  --filter "FullyQualifiedName~OpenApiContractFacts.CommittedContract_EqualsTheServedDocument"
echo "miniprogram-contract/openapi.json updated"
