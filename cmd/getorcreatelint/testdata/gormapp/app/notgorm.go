package app

// cache has GORM-like method names but is not GORM: never reported.
type cache struct{}

func (cache) FirstOrCreate(dest any, conds ...any) cache { return cache{} }

func fromCache(name string) {
	var v struct{ Name string }
	cache{}.FirstOrCreate(&v, "name = ?", name)
}
