"""Every family of the journey measures compiles to Spark SQL.

PySpark is not installed here, so the measures have not been run on Spark (docs/measures-on-spark.md
says what that takes). What can be checked without it: Ibis's PySpark compiler turns every
family's query into Spark SQL that Spark's grammar (as sqlglot reads it) accepts, and the parts
that differ between engines compile to the Spark functions the document names.
"""

from datetime import date

import ibis
import pytest
import sqlglot

from safeguard.core.calendar import Convention
from safeguard.journey.schema import TABLES
from safeguard.measures import engine
from safeguard.measures.catalogue import FORMULAS, Context

# The families' names, from the formulas (what the engine runs is checked against them below).
FAMILIES = sorted({c.family.name for formula in FORMULAS.values() for c in formula.columns()})


@pytest.fixture(scope="module")
def context() -> Context:
    # Unbound tables with the dataset's schemas: what `con.read_parquet` gives on Spark.
    tables = {name: ibis.table(ibis.schema(schema), name=name) for name, schema in TABLES.items()}
    return Context(
        tables,
        ibis.memtable(engine.years_table(["2015-16", "2016-17"])),
        ibis.memtable(engine.calendar_table(date(2014, 1, 1), date(2017, 12, 31))),
        Convention.START_IS_DAY_0,
    )


@pytest.fixture(scope="module")
def spark_sql(context: Context) -> dict[str, str]:
    """Each family's query as Spark SQL, by the family's name."""
    return {
        family.name: ibis.to_sql(query, dialect="pyspark")
        for family, query in engine.family_queries(context).items()
    }


def test_there_is_a_query_for_every_family_a_measure_uses(spark_sql):
    assert set(spark_sql) == set(FAMILIES)


@pytest.mark.parametrize("family", FAMILIES)
def test_every_family_compiles_to_spark_sql_that_parses(spark_sql, family):
    sql = spark_sql[family]
    parsed = sqlglot.parse_one(sql, read="spark")
    assert parsed.find(sqlglot.exp.Group) is not None


def test_the_median_is_sparks_exact_percentile_not_an_approximation(spark_sql):
    sql = spark_sql["assessments"]
    assert "PERCENTILE(" in sql and "APPROX" not in sql.upper()


def test_working_days_join_the_calendar_rather_than_calling_a_function(spark_sql):
    sql = spark_sql["conferences"]
    assert "GREATEST(" in sql and "_end_count" in sql
