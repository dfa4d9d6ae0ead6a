#!/usr/bin/env bash
# The fault campaigns in their long form: kill -9 at random moments of add, remove, recompile
# and lint --fix (KILLS per command, 250 by default: 1,000 kills), recovery killed again and
# again, a full disk at every stage (tmpfs, needs root) and I/O errors injected below the JVM
# (LD_PRELOAD shim built with gcc), hostile inputs. The CI suite runs the same classes with 13
# kills per command.
# Usage: bench/fault-campaign.sh [KILLS_PER_COMMAND] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
kills="${1:-250}"
seed="${2:-$(date +%s)}"
start=$(date +%s)
./mvnw -B -q verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='KillCampaignIT,DiskFaultIT,HostileInputIT' \
  -Dkb.campaign.kills="$kills" -Dkb.campaign.seed="$seed"
end=$(date +%s)
echo "kills per command: $kills (seed $seed); all campaigns passed in $((end - start)) s"
grep -h "Tests run" target/failsafe-reports/*KillCampaignIT.txt target/failsafe-reports/*DiskFaultIT.txt \
  target/failsafe-reports/*HostileInputIT.txt
