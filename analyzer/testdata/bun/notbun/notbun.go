// Package notbun has look-alikes of bun's API that are not bun's: nothing
// is reported.
package notbun

import "context"

type SelectQuery struct{}

func (q *SelectQuery) Model(any) *SelectQuery             { return q }
func (q *SelectQuery) Where(string, ...any) *SelectQuery  { return q }
func (q *SelectQuery) Scan(context.Context, ...any) error { return nil }

type InsertQuery struct{}

func (q *InsertQuery) Model(any) *InsertQuery                    { return q }
func (q *InsertQuery) Exec(context.Context, ...any) (any, error) { return nil, nil }

type DB struct{}

func (DB) NewSelect() *SelectQuery { return &SelectQuery{} }
func (DB) NewInsert() *InsertQuery { return &InsertQuery{} }

type Tag struct {
	ID   int64
	Name string
}

func lookalike(ctx context.Context, db DB, name string) error {
	var t Tag
	if err := db.NewSelect().Model(&t).Where("name = ?", name).Scan(ctx); err != nil {
		_, err = db.NewInsert().Model(&t).Exec(ctx)
		return err
	}
	return nil
}
