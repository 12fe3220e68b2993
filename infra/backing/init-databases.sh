# MySQL first-start script (the official image runs docker-entrypoint-initdb.d/*.sh once, on an
# empty data directory). Each service gets its own database and its own user, allowed only on it:
# no service can read another's tables. Passwords come from the environment:
#   <SERVICE>_DB_PASSWORD (required), <SERVICE>_DB_USER (default: the service name).
# The entrypoint sources this file (it is not executable), so it sets no shell options and never
# exits: a failing command stops the entrypoint, which already runs with `set -e`.
# Used by infra/compose and infra/k8s/overlays/dev.

certif_create_service_database() {
  local service="$1"
  local upper="${service^^}"
  local user_var="${upper}_DB_USER"
  local password_var="${upper}_DB_PASSWORD"
  local user="${!user_var:-${service}}"
  local password="${!password_var:?${password_var} is required (see infra/k8s/secrets.example or infra/compose/.env.example)}"
  local database="certif_${service}"
  echo "certif: database ${database} for user ${user}"
  mysql --protocol=socket --user=root --password="${MYSQL_ROOT_PASSWORD}" <<SQL
CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '${user}'@'%' IDENTIFIED BY '${password}';
GRANT ALL PRIVILEGES ON \`${database}\`.* TO '${user}'@'%';
SQL
}

# The services that own a database (infra/services.json, "database": true).
for certif_service in referentials candidates sessions issuing; do
  certif_create_service_database "${certif_service}"
done
unset certif_service
