package summary

import (
	"reflect"
	"testing"
)

func TestWrappedArgs(t *testing.T) {
	for _, c := range []struct {
		format string
		want   []int
	}{
		{"tag %q: %w", []int{1}},
		{"%w", []int{0}},
		{"100%% of %s: %v", nil},
		{"%-8s %+v %w and %w", []int{2, 3}},
		{"%.2f %w", []int{1}},
		{"%*d %w", nil},      // a width argument: not followed
		{"%[2]w %[1]s", nil}, // explicit indexes: not followed
		{"trailing %", nil},
	} {
		if got := wrappedArgs(c.format); !reflect.DeepEqual(got, c.want) {
			t.Errorf("wrappedArgs(%q) = %v, want %v", c.format, got, c.want)
		}
	}
}
