-- bench/real/bench.lua: the lua workload of `npm run bench` (bench/run.mjs). A mix of what
-- Lua programs spend their time on: string building and pattern matching, tables used as
-- arrays and as hashes, sorting with a comparator, closures and method calls, and
-- floating-point arithmetic. Deterministic: it prints one line per part, checksums
-- that the harness compares between emulators. Argument 1 scales the work (default 1).

local scale = tonumber(arg and arg[1]) or 1

-- A small linear congruential generator, so the run does not depend on math.random.
local seed = 12345
local function rand(n)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n
end

-- Strings: build words, format, concatenate through a table, match patterns.
local function strings()
  local letters = 'abcdefghijklmnopqrstuvwxyz'
  local parts = {}
  for i = 1, 2000 * scale do
    local len = 3 + rand(8)
    local w = {}
    for j = 1, len do
      local k = 1 + rand(26)
      w[j] = letters:sub(k, k)
    end
    parts[#parts + 1] = string.format('%s-%d', table.concat(w), i % 97)
  end
  local text = table.concat(parts, ' ')
  local count, sum = 0, 0
  for word, num in text:gmatch('(%a+)%-(%d+)') do
    if word:find('e') then count = count + 1 end
    sum = sum + tonumber(num) + #word
  end
  local upper = text:sub(1, 20000):upper():gsub('[AEIOU]', '*')
  return string.format('strings %d %d %d %d', #text, count, sum, #upper)
end

-- Tables: a word-frequency hash, then sort its keys by count and name.
local function tables()
  local freq = {}
  for _ = 1, 6000 * scale do
    local key = 'k' .. rand(5000)
    freq[key] = (freq[key] or 0) + 1
  end
  local keys = {}
  for k in pairs(freq) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    if freq[a] ~= freq[b] then return freq[a] > freq[b] end
    return a < b
  end)
  local arr = {}
  for i = 1, 6000 * scale do arr[i] = rand(1000000) end
  table.sort(arr)
  local check = 0
  for i = 1, #arr, 97 do check = (check + arr[i]) % 1000003 end
  return string.format('tables %d %s %d %s %d', #keys, keys[1], freq[keys[1]], keys[#keys], check)
end

-- Closures and objects: counters made by closures, a class with methods, a fold.
local Vec = {}
Vec.__index = Vec
function Vec.new(x, y) return setmetatable({ x = x, y = y }, Vec) end
function Vec:add(o) return Vec.new(self.x + o.x, self.y + o.y) end
function Vec:scale(k) return Vec.new(self.x * k, self.y * k) end
function Vec:len2() return self.x * self.x + self.y * self.y end

local function closures()
  local function counter(step)
    local n = 0
    return function() n = n + step; return n end
  end
  local counters = {}
  for i = 1, 100 do counters[i] = counter(i) end
  local total = 0
  for _ = 1, 200 * scale do
    for i = 1, #counters do total = total + counters[i]() % 7 end
  end
  local function fold(f, acc, t)
    for i = 1, #t do acc = f(acc, t[i]) end
    return acc
  end
  local vs = {}
  for i = 1, 2000 do vs[i] = Vec.new(i % 13 - 5, i % 7 - 2) end
  local acc = Vec.new(0, 0)
  for _ = 1, 4 * scale do
    acc = fold(function(a, v) return a:add(v:scale(0.5)) end, acc, vs)
  end
  return string.format('closures %d %.3f %.3f %.1f', total, acc.x, acc.y, acc:len2())
end

-- Numbers: a Mandelbrot set on a small grid, floating point in a tight loop.
local function numbers()
  local inside = 0
  local size = 48
  for py = 0, size - 1 do
    for px = 0, size - 1 do
      local cr, ci = px * 3 / size - 2, py * 2 / size - 1
      local zr, zi, k = 0.0, 0.0, 0
      while k < 60 * scale and zr * zr + zi * zi <= 4 do
        zr, zi = zr * zr - zi * zi + cr, 2 * zr * zi + ci
        k = k + 1
      end
      if k == 60 * scale then inside = inside + 1 end
    end
  end
  return string.format('numbers %d', inside)
end

print(strings())
print(tables())
print(closures())
print(numbers())
