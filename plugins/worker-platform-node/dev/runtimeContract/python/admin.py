"""Redis and PostgreSQL chores of the runtime contract, run with its virtualenv.

    admin.py check REDIS_ADDRESS POSTGRES_URL      exit 0, or print why not and exit 1
    admin.py pick-db REDIS_ADDRESS                  print an empty database index (15 down to 1)
    admin.py create-db POSTGRES_URL NAME
    admin.py drop-db POSTGRES_URL NAME
    admin.py clean REDIS_ADDRESS DB PREFIX          delete the keys under PREFIX
"""

import sys

import psycopg
import redis
from psycopg import sql


def redis_client(address: str, db: int = 0) -> redis.Redis:
    host, port = address.rsplit(":", 1)
    return redis.Redis(host=host, port=int(port), db=db, socket_connect_timeout=3)


def admin(url: str) -> psycopg.Connection:
    return psycopg.connect(url, autocommit=True, connect_timeout=5)


def main(command: str, *args: str) -> int:
    if command == "check":
        address, url = args
        try:
            redis_client(address).ping()
        except redis.RedisError as error:
            print(f"Redis at {address} is not reachable: {error}")
            return 1
        try:
            admin(url).close()
        except psycopg.Error as error:
            print(f"PostgreSQL at {url} is not reachable: {str(error).strip()}")
            return 1
        return 0
    if command == "pick-db":
        (address,) = args
        for db in range(15, 0, -1):
            if redis_client(address, db).dbsize() == 0:
                print(db)
                return 0
        print("no empty Redis database among 1-15", file=sys.stderr)
        return 1
    if command in ("create-db", "drop-db"):
        url, name = args
        with admin(url) as connection:
            verb = "CREATE DATABASE {}" if command == "create-db" else "DROP DATABASE IF EXISTS {} WITH (FORCE)"
            connection.execute(sql.SQL(verb).format(sql.Identifier(name)))
        return 0
    if command == "clean":
        address, db, prefix = args
        client = redis_client(address, int(db))
        keys = list(client.scan_iter(match=f"{prefix}*"))
        if keys:
            client.delete(*keys)
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
