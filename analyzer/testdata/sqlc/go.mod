module example.com/sqlccases

go 1.24
