#!/usr/bin/env bash
# pg-backup.sh — a logical backup of the portal's database, plus the row counts the restore
# check compares against (scripts/backup/restore-check.sh).
#
#   DATABASE_URL=postgresql://otklik_backup@db1/otklik scripts/backup/pg-backup.sh [backup dir]
#
# Writes into the backup directory (argument, else BACKUP_DIR, else /var/backups/otklik):
#   <name>-<YYYYMMDDTHHMMSSZ>.dump     pg_dump custom format (-Fc), compressed
#   <name>-<YYYYMMDDTHHMMSSZ>.counts   "<table>\t<rows>" for every table of the public schema
# <name> is BACKUP_NAME, else the database's name. Both are written under a temporary name
# and renamed when complete, so a crashed run never leaves a dump that looks whole.
#
# The counts are taken in the very snapshot pg_dump dumps (pg_export_snapshot + --snapshot),
# so they match the dump exactly even while the portal keeps writing.
#
# Retention: dumps older than BACKUP_KEEP_DAYS (14) days are deleted, but the newest
# BACKUP_KEEP_MIN (7) are always kept, so a backup that stopped running for weeks does not
# prune the last good dumps away.
#
# Needs psql and pg_dump of the server's major version or newer (postgresql-client-15).
# DATABASE_URL must be a libpq URI (no Prisma-only parameters such as ?schema=).
# Exit status: 0 done, 1 failed (nothing is pruned then), 2 usage.
set -euo pipefail

usage() {
  # The header comment of this file, without its #.
  awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"
}

if [[ ${1:-} == "-h" || ${1:-} == "--help" ]]; then
  usage
  exit 0
fi
if [[ -z ${DATABASE_URL:-} ]]; then
  echo "pg-backup: DATABASE_URL is not set" >&2
  exit 2
fi

backup_dir=${1:-${BACKUP_DIR:-/var/backups/otklik}}
keep_days=${BACKUP_KEEP_DAYS:-14}
keep_min=${BACKUP_KEEP_MIN:-7}
if ! [[ $keep_days =~ ^[0-9]+$ && $keep_min =~ ^[0-9]+$ ]]; then
  echo "pg-backup: BACKUP_KEEP_DAYS and BACKUP_KEEP_MIN must be whole numbers" >&2
  exit 2
fi

# The database's name from the URI's path, for the file names.
if ! db_name=$(psql -X -At -v ON_ERROR_STOP=1 -d "$DATABASE_URL" -c "SELECT current_database()"); then
  echo "pg-backup: cannot connect to DATABASE_URL; no backup written" >&2
  exit 1
fi
name=${BACKUP_NAME:-$db_name}
if ! [[ $name =~ ^[A-Za-z0-9_.-]+$ ]]; then
  echo "pg-backup: BACKUP_NAME may hold only letters, digits, '_', '.', '-': $name" >&2
  exit 2
fi

# Dumps hold personal data: the directory and every file in it for this user only.
umask 077
mkdir -p -- "$backup_dir"

# One backup at a time into a directory: a slow dump overlapping the next cron run would
# otherwise take two snapshots and twice the I/O.
exec 9>"$backup_dir/.pg-backup.lock"
if ! flock -n 9; then
  echo "pg-backup: another backup into $backup_dir is running" >&2
  exit 1
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
base="$backup_dir/$name-$stamp"
work=$(mktemp -d "$backup_dir/.partial-$stamp-XXXXXX")
cleanup() {
  rm -rf -- "$work"
}
trap cleanup EXIT

export OTKLIK_DUMP_FILE="$work/dump"
export OTKLIK_DUMP_STATUS="$work/pg_dump.status"
export DATABASE_URL
started=$(date +%s)

# psql holds a REPEATABLE READ transaction open, exports its snapshot, runs pg_dump in that
# snapshot (\!), then counts the rows in the same snapshot. psql 15 does not report a \!
# command's exit status, so pg_dump's is written to a file and checked below.
if ! psql -X -q -At -v ON_ERROR_STOP=1 -d "$DATABASE_URL" >"$work/counts" <<'SQL'
BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;
SELECT pg_export_snapshot() AS snapshot \gset
\setenv OTKLIK_SNAPSHOT :snapshot
\! pg_dump --format=custom --lock-wait-timeout=2min --snapshot="$OTKLIK_SNAPSHOT" --file="$OTKLIK_DUMP_FILE" --dbname="$DATABASE_URL"; echo $? >"$OTKLIK_DUMP_STATUS"
\pset fieldsep '\t'
SELECT c.relname,
       (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM public.%I', c.relname), false, true, '')))[1]::text
FROM pg_class c
JOIN pg_namespace s ON s.oid = c.relnamespace
WHERE s.nspname = 'public' AND c.relkind IN ('r', 'p')
ORDER BY c.relname;
COMMIT;
SQL
then
  echo "pg-backup: the snapshot or the row counts failed; no backup written" >&2
  exit 1
fi

dump_status=$(cat "$OTKLIK_DUMP_STATUS" 2>/dev/null || echo "missing")
if [[ $dump_status != "0" ]]; then
  echo "pg-backup: pg_dump failed (exit status $dump_status); no backup written" >&2
  exit 1
fi
if [[ ! -s $work/counts ]]; then
  echo "pg-backup: no tables counted in the public schema; no backup written" >&2
  exit 1
fi

{
  echo "# row counts of $db_name in the snapshot of $name-$stamp.dump (pg-backup.sh)"
  echo "# taken $stamp; format: <table><TAB><rows>"
  cat "$work/counts"
} >"$work/counts.final"

# The counts file first, the dump last: a dump file present means its counts are too.
mv -- "$work/counts.final" "$base.counts"
mv -- "$OTKLIK_DUMP_FILE" "$base.dump"
size=$(du -h -- "$base.dump" | cut -f1)
tables=$(grep -vc '^#' "$base.counts")
echo "pg-backup: $base.dump ($size, $tables tables, $(($(date +%s) - started)) s)"

# Retention, newest first by name (the UTC stamp sorts in time order).
mapfile -t dumps < <(find "$backup_dir" -maxdepth 1 -type f -name "$name-*.dump" -printf '%f\n' | sort -r)
pruned=0
for file in "${dumps[@]:keep_min}"; do
  if [[ -n $(find "$backup_dir/$file" -maxdepth 0 -mmin +"$((keep_days * 1440))") ]]; then
    rm -f -- "$backup_dir/$file" "$backup_dir/${file%.dump}.counts"
    pruned=$((pruned + 1))
  fi
done
# Leftovers of runs killed before their trap ran (power loss, SIGKILL).
find "$backup_dir" -maxdepth 1 -type d -name '.partial-*' -mmin +1440 -exec rm -rf -- {} +
if ((pruned > 0)); then
  echo "pg-backup: pruned $pruned dump(s) older than $keep_days days (kept at least $keep_min)"
fi
