module procs

go 1.19
