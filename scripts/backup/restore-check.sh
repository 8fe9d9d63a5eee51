#!/usr/bin/env bash
# restore-check.sh — proves a backup restores: restores a dump into a fresh scratch database,
# verifies it, drops the scratch database.
#
#   scripts/backup/restore-check.sh <dump file> [admin url] [--counts FILE] [--expect TABLE=ROWS]...
#
# <dump file>  a pg_dump custom-format archive, or a directory: its newest *.dump by name
#              (pg-backup.sh's UTC stamps sort in time order)
# <admin url>  a database on the PostgreSQL server to restore on, as a role that may CREATE
#              DATABASE (default: RESTORE_ADMIN_URL, else postgresql://postgres@127.0.0.1:5432/postgres).
#              Never the production primary: restoring a region's dump loads it for minutes.
# --counts     expected row counts, "<table>\t<rows>" lines (default: the dump's companion
#              <name>.counts written by pg-backup.sh)
# --expect     an expected row count given directly (repeatable; instead of a counts file)
# --keep       leave the scratch database for investigation (its name is printed)
#
# Checks, each one reported with its time:
#   1. the archive's table of contents reads (pg_restore --list);
#   2. pg_restore --exit-on-error --single-transaction into a new database succeeds;
#   3. _prisma_migrations holds every migration of prisma/migrations (MIGRATIONS_DIR), finished,
#      with the same checksum, none failed, none unknown to this checkout;
#   4. every table's row count equals the expected one, and no table is missing or extra
#      (with --expect: only the tables named);
#   5. the wall board's query (server/services/wall/board.ts) runs for every municipality and
#      agrees with a plain count of its open cases; every user row references existing rows.
# The scratch database is named otklik_restore_check_<time>_<pid> and dropped on exit.
# Exit status: 0 all checks passed, 1 a check failed, 2 usage or environment error.
set -euo pipefail

script_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(dirname -- "$(dirname -- "$script_dir")")
migrations_dir=${MIGRATIONS_DIR:-$repo_root/prisma/migrations}

usage() {
  # The header comment of this file, without its #.
  awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"
}
fail_usage() {
  echo "restore-check: $1" >&2
  echo "usage: restore-check.sh <dump file> [admin url] [--counts FILE] [--expect TABLE=ROWS]... [--keep]" >&2
  exit 2
}

dump=""
admin_url=""
counts_file=""
keep=0
declare -A expected=()
explicit_expect=0
while (($# > 0)); do
  case $1 in
    -h | --help)
      usage
      exit 0
      ;;
    --counts)
      (($# >= 2)) || fail_usage "--counts needs a file"
      counts_file=$2
      shift 2
      ;;
    --expect)
      (($# >= 2)) || fail_usage "--expect needs TABLE=ROWS"
      [[ $2 =~ ^([A-Za-z_][A-Za-z0-9_]*)=([0-9]+)$ ]] || fail_usage "--expect takes TABLE=ROWS, got '$2'"
      expected[${BASH_REMATCH[1]}]=${BASH_REMATCH[2]}
      explicit_expect=1
      shift 2
      ;;
    --keep)
      keep=1
      shift
      ;;
    -*) fail_usage "unknown option $1" ;;
    *)
      if [[ -z $dump ]]; then
        dump=$1
      elif [[ -z $admin_url ]]; then
        admin_url=$1
      else
        fail_usage "too many arguments"
      fi
      shift
      ;;
  esac
done

[[ -n $dump ]] || fail_usage "no dump file given"
if [[ -d $dump ]]; then
  newest=$(find "$dump" -maxdepth 1 -type f -name '*.dump' -printf '%f\n' | sort | tail -n 1)
  [[ -n $newest ]] || fail_usage "no *.dump file in $dump"
  dump="${dump%/}/$newest"
fi
[[ -f $dump && -r $dump ]] || fail_usage "cannot read the dump file $dump"
[[ -d $migrations_dir ]] || fail_usage "no migrations folder at $migrations_dir (set MIGRATIONS_DIR)"
admin_url=${admin_url:-${RESTORE_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432/postgres}}
if ((explicit_expect == 1)) && [[ -n $counts_file ]]; then
  fail_usage "give either --counts or --expect, not both"
fi
if ((explicit_expect == 0)); then
  counts_file=${counts_file:-${dump%.dump}.counts}
  [[ -f $counts_file ]] || fail_usage "no counts file $counts_file (pass --counts FILE or --expect TABLE=ROWS)"
  while IFS=$'\t' read -r table rows || [[ -n $table ]]; do
    [[ -z $table || $table == \#* ]] && continue
    [[ $rows =~ ^[0-9]+$ ]] || fail_usage "bad line in $counts_file: '$table	$rows'"
    expected[$table]=$rows
  done <"$counts_file"
  ((${#expected[@]} > 0)) || fail_usage "$counts_file lists no tables"
fi

# The scratch database's URL: the admin URL with its path replaced (query parameters kept).
[[ $admin_url =~ ^(postgres(ql)?://[^/?]*)(/[^?]*)?(\?.*)?$ ]] ||
  fail_usage "the admin url must be a postgresql:// URI"
scratch="otklik_restore_check_$(date -u +%Y%m%d%H%M%S)_$$"
scratch_url="${BASH_REMATCH[1]}/$scratch${BASH_REMATCH[4]}"

problems=()
problem() {
  problems+=("$1")
}

now_ms() {
  date +%s%3N
}
total_started=$(now_ms)
step_started=0
step_problems=0
step() {
  step_started=$(now_ms)
  step_problems=${#problems[@]}
  printf '%s ... ' "$1"
}
# Prints the step's result and time, then the mismatches it found, one a line.
step_done() {
  local result=${1:-ok}
  ((${#problems[@]} == step_problems)) || result="MISMATCH"
  echo "$result ($(($(now_ms) - step_started)) ms)"
  local i
  for ((i = step_problems; i < ${#problems[@]}; i++)); do
    echo "  - ${problems[i]}"
  done
}

admin_psql() {
  psql -X -q -At -v ON_ERROR_STOP=1 -d "$admin_url" "$@"
}
scratch_psql() {
  psql -X -q -At -v ON_ERROR_STOP=1 -d "$scratch_url" "$@"
}

created=0
drop_scratch() {
  local status=$?
  if ((created == 1)); then
    if ((keep == 1)); then
      echo "kept the scratch database: $scratch_url"
    elif ! admin_psql -c "DROP DATABASE IF EXISTS \"$scratch\" WITH (FORCE)"; then
      echo "restore-check: could not drop the scratch database $scratch; drop it by hand" >&2
      status=2
    fi
  fi
  exit "$status"
}
trap drop_scratch EXIT
# Interrupted (Ctrl+C, a CI timeout): exit through the EXIT trap, which drops the database.
trap 'exit 130' INT
trap 'exit 143' TERM

echo "restore-check: $dump"

# 1. The archive's table of contents.
step "reading the archive's table of contents"
if ! toc=$(pg_restore --list -- "$dump" 2>&1); then
  step_done "FAILED"
  echo "$toc" >&2
  echo "restore-check: FAILED: the dump is not a readable pg_dump archive" >&2
  exit 1
fi
step_done "ok, $(grep -c 'TABLE DATA' <<<"$toc") tables with data"

# 2. Restore into a new database; template0, so nothing added to template1 leaks in.
step "creating the scratch database $scratch"
admin_psql -c "CREATE DATABASE \"$scratch\" TEMPLATE template0"
created=1
step_done

step "pg_restore --exit-on-error --single-transaction"
if ! restore_log=$(pg_restore --exit-on-error --single-transaction --no-owner --no-privileges \
  --dbname="$scratch_url" -- "$dump" 2>&1); then
  step_done "FAILED"
  echo "$restore_log" >&2
  echo "restore-check: FAILED: pg_restore did not complete; nothing was restored" >&2
  exit 1
fi
step_done

# 3. Migrations: what `npm run db:status` calls applied, from Prisma's own table.
step "checking _prisma_migrations against $migrations_dir"
declare -A applied=() local_migrations=()
if [[ $(scratch_psql -c "SELECT to_regclass('public._prisma_migrations') IS NOT NULL") != "t" ]]; then
  problem "the restored database has no _prisma_migrations table"
else
  while IFS='|' read -r migration checksum; do
    applied[$migration]=$checksum
  done < <(scratch_psql -c "SELECT migration_name, checksum FROM _prisma_migrations
                            WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
  while IFS= read -r migration; do
    problem "migration $migration failed (started, never finished, not rolled back)"
  done < <(scratch_psql -c "SELECT migration_name FROM _prisma_migrations
                            WHERE finished_at IS NULL AND rolled_back_at IS NULL ORDER BY started_at")
  for sql in "$migrations_dir"/*/migration.sql; do
    [[ -f $sql ]] || continue
    migration=$(basename -- "$(dirname -- "$sql")")
    local_migrations[$migration]=1
    if [[ -z ${applied[$migration]:-} ]]; then
      problem "migration $migration is not applied"
    elif [[ ${applied[$migration]} != "$(sha256sum -- "$sql" | cut -d' ' -f1)" ]]; then
      problem "migration $migration was applied from a different migration.sql (checksum differs)"
    fi
  done
  ((${#local_migrations[@]} > 0)) || problem "no migrations found in $migrations_dir"
  for migration in "${!applied[@]}"; do
    [[ -n ${local_migrations[$migration]:-} ]] || problem "migration $migration is applied but not in $migrations_dir"
  done
fi
step_done "${#local_migrations[@]} migrations"

# 4. Row counts, table by table.
step "comparing row counts of ${#expected[@]} tables"
declare -A present=()
while IFS=$'\t' read -r table rows; do
  present[$table]=$rows
done < <(scratch_psql -F $'\t' <<'SQL'
SELECT c.relname,
       (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM public.%I', c.relname), false, true, '')))[1]::text
FROM pg_class c
JOIN pg_namespace s ON s.oid = c.relnamespace
WHERE s.nspname = 'public' AND c.relkind IN ('r', 'p');
SQL
)
for table in "${!expected[@]}"; do
  if [[ -z ${present[$table]:-} ]]; then
    problem "table $table is missing from the restored database"
  elif [[ ${present[$table]} != "${expected[$table]}" ]]; then
    problem "table $table has ${present[$table]} rows, expected ${expected[$table]}"
  fi
done
if ((explicit_expect == 0)); then
  for table in "${!present[@]}"; do
    [[ -n ${expected[$table]:-} ]] || problem "table $table is in the restored database but not in $counts_file"
  done
fi
step_done

# 5. What the app reads: the wall board's query (with its window function and enum casts) for
# every municipality must see exactly its open cases; foreign keys resolve for the users.
step "running the wall board's query per municipality"
if [[ -z ${present[Municipality]:-} || -z ${present[Case]:-} ]]; then
  problem "the tables Municipality and Case are needed for the sample query"
else
  municipalities=0
  while IFS='|' read -r municipality board_total open_total; do
    municipalities=$((municipalities + 1))
    [[ $board_total == "$open_total" ]] ||
      problem "the board of municipality $municipality shows $board_total open cases, the table has $open_total"
  done < <(scratch_psql <<'SQL'
SELECT m."id",
  COALESCE((
    SELECT max(board."openTotal") FROM (
      SELECT c."id", c."status"::text AS "status", c."currentClock"::text AS "currentClock",
        c."currentDueAt", n."name" AS "network", left(c."text", 360) AS "text",
        (count(*) OVER ())::int AS "openTotal"
      FROM "Case" c
      JOIN "SocialNetwork" n ON n."id" = c."networkId"
      WHERE c."municipalityId" = m."id"
        AND c."status" IN ('NEW', 'ASSIGNED', 'INTERNAL_REVIEW', 'AT_CURATOR', 'REWORK', 'APPROVED')
      ORDER BY c."currentDueAt" ASC NULLS LAST, c."receivedAt" ASC, c."id" ASC
    ) board
  ), 0),
  (SELECT count(*) FROM "Case" c WHERE c."municipalityId" = m."id"
     AND c."status" NOT IN ('POSTED', 'DECLINED', 'CANCELLED'))
FROM "Municipality" m
ORDER BY m."id";
SQL
  )
  orphans=$(scratch_psql -c 'SELECT count(*) FROM "User" u
    LEFT JOIN "Municipality" m ON m."id" = u."municipalityId"
    LEFT JOIN "Department" d ON d."id" = u."departmentId"
    WHERE (u."municipalityId" IS NOT NULL AND m."id" IS NULL) OR (u."departmentId" IS NOT NULL AND d."id" IS NULL)')
  [[ $orphans == "0" ]] || problem "$orphans users reference a missing municipality or department"
  if ((municipalities == 0)) && [[ ${expected[Municipality]:-0} != "0" ]]; then
    problem "the sample query found no municipality"
  fi
  step_done "$municipalities municipalities"
fi

total=$(($(now_ms) - total_started))
if ((${#problems[@]} > 0)); then
  {
    echo "restore-check: FAILED: ${#problems[@]} mismatch(es) in $dump (${total} ms)"
    printf '  - %s\n' "${problems[@]}"
  } >&2
  exit 1
fi
echo "restore-check: OK: $dump restores, migrations and row counts match (${total} ms)"
