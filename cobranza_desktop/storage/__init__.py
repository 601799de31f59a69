"""SQLAlchemy storage: the book file, its schema, migrations, backups and aggregate queries."""
