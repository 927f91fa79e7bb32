package app

import "context"

// cache has methods named like ent's, but is no ent builder.
type cache struct{ m map[string]bool }

func (c *cache) Only(ctx context.Context) (bool, error) { return c.m["k"], nil }
func (c *cache) Save(ctx context.Context) error         { c.m["k"] = true; return nil }

func warm(ctx context.Context, c *cache) error {
	if ok, _ := c.Only(ctx); !ok {
		return c.Save(ctx)
	}
	return nil
}
