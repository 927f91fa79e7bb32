package livedb

import (
	"sort"

	"github.com/getorcreatelint/getorcreatelint/schema"
)

// sortKeys orders keys for stable output: primary key, unique constraints,
// unique indexes, then by name.
func sortKeys(keys []*schema.Key) {
	sort.SliceStable(keys, func(i, j int) bool {
		if keys[i].Kind != keys[j].Kind {
			return keys[i].Kind < keys[j].Kind
		}
		return keys[i].Name < keys[j].Name
	})
}

// dedupeKeys sorts keys and drops any identical to an earlier one, such as
// a unique index repeating the primary key.
func dedupeKeys(keys []*schema.Key) []*schema.Key {
	sortKeys(keys)
	t := &schema.Table{}
	for _, k := range keys {
		t.AddKey(k)
	}
	return t.Keys
}
