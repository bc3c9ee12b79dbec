# bench/real/report.awk: the awk workload of `npm run bench` (bench/run.mjs), run by busybox
# awk over the generated rows.csv (id,name,dept,city,amount,qty,date,word): a report per
# department and per month and a histogram of amounts.
BEGIN { FS = "," }
{
  n[$3]++
  sum[$3] += $5
  qty[$3] += $6
  if ($5 > max[$3]) { max[$3] = $5; maxid[$3] = $1 }
  month = substr($7, 1, 7)
  permonth[month] += $5 * $6
  bucket[int($5 / 500)]++
}
END {
  for (d in n)
    printf "%-10s %5d rows %12.2f total %9.2f mean %6d qty max %8.2f (row %d)\n", d, n[d], sum[d], sum[d] / n[d], qty[d], max[d], maxid[d]
  for (m = 1; m <= 12; m++) {
    key = sprintf("2024-%02d", m)
    printf "%s %.2f\n", key, permonth[key]
  }
  for (b = 0; b < 20; b++) printf "%d%s", bucket[b], b < 19 ? " " : "\n"
  printf "%d rows\n", NR
}
