module github.com/getorcreatelint/getorcreatelint/schema/migrations/internal/oracle

go 1.26.8

require (
	github.com/getorcreatelint/getorcreatelint v0.0.0
	github.com/pganalyze/pg_query_go/v6 v6.2.5
	vitess.io/vitess v0.24.4
)

require (
	github.com/golang/glog v1.2.5 // indirect
	github.com/jinzhu/inflection v1.0.0 // indirect
	github.com/jinzhu/now v1.1.5 // indirect
	github.com/lmittmann/tint v1.1.3 // indirect
	github.com/mattn/go-isatty v0.0.24 // indirect
	github.com/planetscale/vtprotobuf v0.6.1-0.20250313105119-ba97887b0a25 // indirect
	github.com/spf13/pflag v1.0.10 // indirect
	golang.org/x/sys v0.49.0 // indirect
	golang.org/x/text v0.41.0 // indirect
	google.golang.org/genproto/googleapis/rpc v0.0.0-20260414002931-afd174a4e478 // indirect
	google.golang.org/grpc v1.80.0 // indirect
	google.golang.org/protobuf v1.36.11 // indirect
	gorm.io/gorm v1.31.2 // indirect
)

replace github.com/getorcreatelint/getorcreatelint => ../../../..
