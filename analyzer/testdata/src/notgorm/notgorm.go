// Package notgorm has methods named like GORM's on other types: they are
// never reported.
package notgorm

import "errors"

var ErrRecordNotFound = errors.New("not found")

type Store struct{ Error error }

type Thing struct {
	ID   uint
	Name string
}

func (s *Store) Where(query any, args ...any) *Store         { return s }
func (s *Store) FirstOrCreate(dest any, conds ...any) *Store { return s }
func (s *Store) First(dest any, conds ...any) *Store         { return s }
func (s *Store) Create(value any) *Store                     { return s }

func nopeOtherFirstOrCreate(s *Store, name string) {
	var t Thing
	s.Where(Thing{Name: name}).FirstOrCreate(&t)
}

func nopeOtherFirstThenCreate(s *Store, name string) {
	var t Thing
	if err := s.Where("name = ?", name).First(&t).Error; errors.Is(err, ErrRecordNotFound) {
		s.Create(&Thing{Name: name})
	}
}
