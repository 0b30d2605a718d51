package extract

import (
	"regexp"
	"sort"
	"strings"
)

// englishBodies names, in Chinese, the issuing bodies that corpus records give
// only in English (the department_en field of the JSONL corpus format).
var englishBodies = map[string]string{
	"state council":                                                         "国务院",
	"general office of the state council":                                   "国务院办公厅",
	"ministry of industry and information technology":                       "工业和信息化部",
	"general office of the ministry of industry and information technology": "工业和信息化部办公厅",
	"ministry of science and technology":                                    "科学技术部",
	"ministry of education":                                                 "教育部",
	"general office of the ministry of education":                           "教育部办公厅",
	"ministry of finance":                                                   "财政部",
	"ministry of commerce":                                                  "商务部",
	"ministry of transport":                                                 "交通运输部",
	"ministry of civil affairs":                                             "民政部",
	"ministry of public security":                                           "公安部",
	"ministry of natural resources":                                         "自然资源部",
	"ministry of ecology and environment":                                   "生态环境部",
	"ministry of housing and urban-rural development":                       "住房和城乡建设部",
	"ministry of agriculture and rural affairs":                             "农业农村部",
	"ministry of water resources":                                           "水利部",
	"ministry of culture and tourism":                                       "文化和旅游部",
	"ministry of human resources and social security":                       "人力资源社会保障部",
	"national health commission":                                            "国家卫生健康委",
	"national development and reform commission":                            "国家发展改革委",
	"national data bureau":                                                  "国家数据局",
	"national energy administration":                                        "国家能源局",
	"national medical products administration":                              "国家药监局",
	"national healthcare security administration":                           "国家医保局",
	"state administration for market regulation":                            "市场监管总局",
	"standardization administration of china":                               "国家标准委",
	"cyberspace administration of china":                                    "国家网信办",
	"people's bank of china":                                                "中国人民银行",
	"state taxation administration":                                         "国家税务总局",
	"chinese academy of engineering":                                        "中国工程院",
	"national defense science and technology industry bureau":               "国家国防科工局",
	"national natural science foundation committee":                         "国家自然科学基金委员会",
	"state forestry administration":                                         "国家林业局",
	"state post bureau":                                                     "国家邮政局",
	"national tourism administration":                                       "国家旅游局",
	"supreme people's court":                                                "最高人民法院",
	"shandong provincial people's government":                               "山东省人民政府",
	"general office of shandong provincial people's government":             "山东省人民政府办公厅",
	"shandong provincial department of industry and information technology": "山东省工业和信息化厅",
	"shandong provincial science and technology department":                 "山东省科学技术厅",
	"shandong provincial development and reform commission":                 "山东省发展和改革委员会",
	"shandong provincial education department":                              "山东省教育厅",
	"shandong provincial big data bureau":                                   "山东省大数据局",
	"shandong provincial market supervision administration":                 "山东省市场监督管理局",
	"shandong provincial economic and information technology commission":    "山东省经济和信息化委员会",
	"qingdao municipal people's government":                                 "青岛市人民政府",
	"qingdao department of industry and information technology":             "青岛市工业和信息化局",
	"qingdao science and technology bureau":                                 "青岛市科学技术局",
	"qingdao education bureau":                                              "青岛市教育局",
	"qingdao finance bureau":                                                "青岛市财政局",
	"jinan municipal people's government":                                   "济南市人民政府",
	"general office of jinan municipal people's government":                 "济南市人民政府办公厅",
	"jinan science and technology bureau":                                   "济南市科学技术局",
	"jinan department of industry and information technology":               "济南市工业和信息化局",
}

var reEnglishNoise = regexp.MustCompile(`(?i)\s*of the people's republic of china`)

// englishTypes maps the type words of an English title to the Chinese type.
var englishTypes = []struct{ en, zh string }{
	{"several policies and measures", "若干政策措施"}, {"guiding opinions", "指导意见"},
	{"implementation opinions", "实施意见"}, {"implementation plan", "实施方案"},
	{"action plan", "行动计划"}, {"work plan", "工作方案"}, {"implementation rules", "实施细则"},
	{"administrative measures", "管理办法"}, {"management measures", "管理办法"},
	{"opinions", "意见"}, {"notice", "通知"}, {"measures", "措施"}, {"plan", "规划"},
	{"decision", "决定"}, {"regulations", "条例"}, {"provisions", "规定"}, {"guidelines", "指南"},
}

// englishType reads the document type from an English title.
func englishType(title string) string {
	t := strings.ToLower(title)
	for _, e := range englishTypes {
		if strings.Contains(t, e.en) {
			return e.zh
		}
	}
	return ""
}

// englishIssuers maps an English list of issuing bodies to their Chinese
// names, longest known name first at each position; bodies it does not know
// are left out rather than guessed.
func englishIssuers(en string) []string {
	low := strings.ToLower(reEnglishNoise.ReplaceAllString(en, ""))
	type hit struct {
		at int
		zh string
	}
	var hits []hit
	taken := make([]bool, len(low))
	keys := make([]string, 0, len(englishBodies))
	for k := range englishBodies {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return len(keys[i]) > len(keys[j]) || len(keys[i]) == len(keys[j]) && keys[i] < keys[j]
	})
	for _, k := range keys {
		for from := 0; ; {
			i := strings.Index(low[from:], k)
			if i < 0 {
				break
			}
			i += from
			from = i + len(k)
			if taken[i] || taken[i+len(k)-1] {
				continue
			}
			for j := i; j < i+len(k); j++ {
				taken[j] = true
			}
			hits = append(hits, hit{i, englishBodies[k]})
		}
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].at < hits[j].at })
	var out []string
	for _, h := range hits {
		if !contains(out, h.zh) {
			out = append(out, h.zh)
		}
	}
	return out
}
