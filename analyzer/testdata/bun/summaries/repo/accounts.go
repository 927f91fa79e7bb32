package repo

import (
	"context"

	"example.com/buncases/models"
)

// ByOrgName looks up by two columns no key covers together.
func (r *Tags) ByOrgName(ctx context.Context, org int64, name string) (*models.Account, error) { // want ByOrgName:`lookup accounts\(name,org_id\) err#1`
	a := new(models.Account)
	if err := r.db.NewSelect().Model(a).Where("org_id = ?", org).Where("name = ?", name).Scan(ctx); err != nil {
		return nil, err
	}
	return a, nil
}
