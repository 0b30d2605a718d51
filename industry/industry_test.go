package industry

import (
	"fmt"
	"testing"
)

func TestLookup(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, code string
		want       Industry
		ok         bool
	}{
		{"section", "C", Industry{"C", "制造业", Section, "C", ""}, true},
		{"section lower case", "c", Industry{"C", "制造业", Section, "C", ""}, true},
		{"division", "39", Industry{"39", "计算机、通信和其他电子设备制造业", Division, "C", "C"}, true},
		{"group", "392", Industry{"392", "通信设备制造", Group, "C", "39"}, true},
		{"class", "3921", Industry{"3921", "通信系统设备制造", Class, "C", "392"}, true},
		{"class with section letter", "C3921", Industry{"3921", "通信系统设备制造", Class, "C", "392"}, true},
		{"spaces", " 6513 ", Industry{"6513", "应用软件开发", Class, "I", "651"}, true},
		{"leading zero", "0111", Industry{"0111", "稻谷种植", Class, "A", "011"}, true},
		{"name trimmed in source", "2541", Industry{"2541", "生物质液体燃料生产", Class, "C", "254"}, true},
		{"last section", "T", Industry{"T", "国际组织", Section, "T", ""}, true},
		{"wrong section letter", "I3921", Industry{}, false},
		{"unknown class", "3929", Industry{}, false},
		{"letter after T", "U", Industry{}, false},
		{"five digits", "39211", Industry{}, false},
		{"one digit", "3", Industry{}, false},
		{"section letter alone twice", "CC", Industry{}, false},
		{"empty", "", Industry{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, ok := Lookup(tt.code)
			if ok != tt.ok || got != tt.want {
				t.Errorf("Lookup(%q) = %+v, %v; want %+v, %v", tt.code, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestAncestors(t *testing.T) {
	t.Parallel()
	tests := []struct{ code, want string }{
		{"3921", "[C 39 392 3921]"},
		{"6513", "[I 65 651 6513]"},
		{"392", "[C 39 392]"},
		{"39", "[C 39]"},
		{"C", "[C]"},
		{"9999", "[]"},
	}
	for _, tt := range tests {
		var codes []string
		for _, in := range Ancestors(tt.code) {
			codes = append(codes, in.Code)
		}
		if got := fmt.Sprint(codes); got != tt.want {
			t.Errorf("Ancestors(%q) = %s; want %s", tt.code, got, tt.want)
		}
	}
}

func TestContains(t *testing.T) {
	t.Parallel()
	tests := []struct {
		parent, child string
		want          bool
	}{
		{"C", "39", true},
		{"C", "3921", true},
		{"39", "392", true},
		{"39", "3921", true},
		{"392", "3921", true},
		{"3921", "3921", true},
		{"C", "C", true},
		{"C", "C3921", true},
		{"3921", "392", false}, // a class does not contain its group
		{"I", "3921", false},
		{"39", "3811", false},
		{"391", "3921", false},
		{"C", "9999", false},
		{"X", "3921", false},
		{"", "3921", false},
	}
	for _, tt := range tests {
		if got := Contains(tt.parent, tt.child); got != tt.want {
			t.Errorf("Contains(%q, %q) = %v; want %v", tt.parent, tt.child, got, tt.want)
		}
	}
}

// TestTable checks the embedded file as a whole: the counts per level, every
// parent known and one level up, every code of the width of its level.
func TestTable(t *testing.T) {
	t.Parallel()
	count := map[int]int{}
	for _, in := range All() {
		count[in.Level]++
		if in.Level > Section && len(in.Code) != in.Level {
			t.Errorf("%s: %d characters at level %d", in.Code, len(in.Code), in.Level)
		}
		if in.Name == "" || in.LevelName() == "" {
			t.Errorf("%s: no name or level name", in.Code)
		}
		if in.Level == Section {
			continue
		}
		p, ok := Lookup(in.Parent)
		if !ok || p.Level != in.Level-1 || p.Section != in.Section {
			t.Errorf("%s: parent %q is %+v", in.Code, in.Parent, p)
		}
	}
	want := map[int]int{Section: 20, Division: 97, Group: 473, Class: 1381}
	if fmt.Sprint(count) != fmt.Sprint(want) {
		t.Errorf("counts per level %v; want %v", count, want)
	}
}

func TestChildren(t *testing.T) {
	t.Parallel()
	var codes []string
	for _, in := range Children("392") {
		codes = append(codes, in.Code+" "+in.Name)
	}
	if got := fmt.Sprint(codes); got != "[3921 通信系统设备制造 3922 通信终端设备制造]" {
		t.Errorf("Children(392) = %s", got)
	}
	if n := len(Children("")); n != 20 {
		t.Errorf("Children(\"\") gives %d sections; want 20", n)
	}
	if n := len(Children("C")); n != 31 {
		t.Errorf("manufacturing has %d divisions; want 31", n)
	}
	if Children("9999") != nil {
		t.Error("Children of an unknown code is not nil")
	}
}
