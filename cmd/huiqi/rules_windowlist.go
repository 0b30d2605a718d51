package main

import (
	"fmt"

	"github.com/huiqi-dev/huiqi/region"
	"github.com/huiqi-dev/huiqi/rules/national"
)

// rulesWindows lists the application windows: the embedded defaults, with
// those of a file laid over them (validated as by huiqi assess --windows).
func rulesWindows(e *env, file []string) error {
	sets, err := national.Sets()
	if err != nil {
		return err
	}
	path := ""
	if len(file) == 1 {
		path = file[0]
	}
	t, err := loadWindows(e, path, sets)
	if err != nil {
		return err
	}
	names := map[string]string{}
	for _, s := range sets {
		names[s.ID] = s.Name
	}
	for _, x := range t.Entries() {
		where := "全国"
		if r, ok := region.Lookup(x.Region); ok {
			where = r.FullName
		}
		kind := "已配置"
		if x.Default {
			kind = "默认值，须由各地主管部门配置，并非官方日期"
		}
		fmt.Fprintf(e.stdout, "%s %s　%s（%s）　%s\n", x.Rule, names[x.Rule], where, x.Region, kind)
		for _, b := range x.Batches {
			fmt.Fprintf(e.stdout, "  %s\n", b)
		}
		if x.Note != "" {
			fmt.Fprintf(e.stdout, "  说明：%s\n", x.Note)
		}
	}
	return nil
}
