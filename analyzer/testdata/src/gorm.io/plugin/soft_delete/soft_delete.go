// Package soft_delete synthesizes gorm.io/plugin/soft_delete's DeletedAt:
// live rows hold 0 rather than NULL.
package soft_delete

import "database/sql/driver"

type DeletedAt uint

func (n *DeletedAt) Scan(value interface{}) error { return nil }
func (n DeletedAt) Value() (driver.Value, error)  { return int64(n), nil }
