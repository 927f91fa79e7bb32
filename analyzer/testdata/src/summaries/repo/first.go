package repo

// AnyUser looks up with no conditions: any row will do.
func (r *Repo) AnyUser() (*User, error) { // want AnyUser:`lookup users\(\) err#1`
	var u User
	err := r.db.First(&u).Error
	return &u, err
}
