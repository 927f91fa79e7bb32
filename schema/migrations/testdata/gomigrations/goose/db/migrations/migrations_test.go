package migrations

import "testing"

// Tests create their own fixture table; it is not part of the schema.
const fixture = "CREATE TABLE test_fixture (id int PRIMARY KEY)"

func TestFixture(t *testing.T) { _ = fixture }
