# bench/real/edit.sed: the sed workload of `npm run bench` (bench/run.mjs), run by busybox
# sed over the generated rows.csv: drop one department, rewrite the separators, the dates
# and some syllables, and mark the rows of another department.
/,hr,/d
s/,/ | /g
s/-\([0-9][0-9]\)-/.\1./
s/lo/LO/g
/ | sales | /{
s/sales/SALES/
s/$/ */
}
y/abcdef/ABCDEF/
