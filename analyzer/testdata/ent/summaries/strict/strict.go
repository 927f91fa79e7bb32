// Package strict: a repository method whose results do not tell "not
// found" by themselves (a count) makes its caller's insert unknown,
// shown only with -strict.
package strict

import (
	"context"

	"example.com/entcases/summaries/repo"
)

func EnsureCounted(ctx context.Context, r *repo.UserRepo, name string) error {
	n, err := r.CountNamed(ctx, name) // want `EnsureCounted: CountNamed \(lookup on users \(name\), summaries/repo/repo\.go:74\) then Create \(insert into users, summaries/repo/repo\.go:79\): lookup columns unknown \(CountNamed's results do not tell on every path whether it found a row\); cannot tell whether a unique constraint covers it`
	if err != nil {
		return err
	}
	if n == 0 {
		_, err = r.Create(ctx, name)
	}
	return err
}
