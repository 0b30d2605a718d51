module github.com/huiqi-dev/huiqi

go 1.26.8
