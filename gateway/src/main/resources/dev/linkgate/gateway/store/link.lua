-- The part every link script shares; each script is this file followed by its own.
-- KEYS[1]: the link's hash, KEYS[2]: its response copy (both tagged with the link id: one Cluster slot).
-- ARGV[1]: now, the caller's clock in epoch ms. ARGV[2]: link TTL ms. ARGV[3]: fan-out window ms.
-- ARGV[4]: response copy retention ms (the longer of the double-click and resume windows). Windows and expiry are decided here from stored timestamps against
-- ARGV[1], exactly as InMemoryClickLedger does; PEXPIRE/PX only bound memory in real time.
-- Owners and networks are 64-bit ids kept as decimal strings: Lua numbers are doubles.
local now = tonumber(ARGV[1])
local ttl = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
local retention = tonumber(ARGV[4])

local OPEN, IN_FLIGHT, FORWARDED = 0, 1, 2

local function num(v)
  return tonumber(v) or 0
end

local function int(n)
  return string.format('%d', n)
end

-- The live record, or nil; a record older than the TTL is gone, like in memory.
local function fetch()
  local v = redis.call('HMGET', KEYS[1], 'c', 's', 'o', 'ca', 'fo', 'na', 'nat', 'nb', 'nbt', 'ru', 'b')
  if not v[1] then
    return nil
  end
  if now - num(v[1]) >= ttl then
    redis.call('DEL', KEYS[1], KEYS[2])
    return nil
  end
  return { c = num(v[1]), s = num(v[2]), o = v[3] or '0', ca = num(v[4]), fo = num(v[5]),
           na = v[6] or '0', nat = num(v[7]), nb = v[8] or '0', nbt = num(v[9]), ru = num(v[10]), b = v[11] or '' }
end

local function fresh()
  return { c = now, s = OPEN, o = '0', ca = 0, fo = 0, na = '0', nat = 0, nb = '0', nbt = 0, ru = 0, b = '',
           created = true }
end

-- HSET comes first: under maxmemory Redis refuses a script's first write only if it may grow memory,
-- so a DEL before it would let the rest through and the ledger would half-work instead of failing over.
local function store(r)
  redis.call('HSET', KEYS[1], 'c', int(r.c), 's', r.s, 'o', r.o, 'ca', int(r.ca), 'fo', int(r.fo),
    'na', r.na, 'nat', int(r.nat), 'nb', r.nb, 'nbt', int(r.nbt), 'ru', int(r.ru), 'b', r.b)
  if r.created then
    redis.call('PEXPIRE', KEYS[1], ttl)
  end
  if r.dropCopy then
    redis.call('DEL', KEYS[2])
  end
end

local function live(at)
  return at ~= 0 and now - at <= window
end

local function networksWithin(r)
  return (live(r.nat) and 1 or 0) + (live(r.nbt) and 1 or 0)
end

-- LinkRecord.recordNetwork: two slots of recent distinct networks are enough to tell "2 or more".
local function recordNetwork(r, net, count)
  local a, b = live(r.nat), live(r.nbt)
  local n = (a and 1 or 0) + (b and 1 or 0)
  if not count then
    return n
  end
  if a and r.na == net then
    r.nat = now
    return n
  end
  if b and r.nb == net then
    r.nbt = now
    return n
  end
  if (not a) or (b and r.nat <= r.nbt) then
    r.na, r.nat = net, now
  else
    r.nb, r.nbt = net, now
  end
  return n + 1
end

local function claim(r, who)
  r.s, r.o, r.ca, r.ru, r.b, r.dropCopy = IN_FLIGHT, who, now, 0, '', true
end

-- The first response's copy is kept for the owner's resume (its key may also have been evicted).
local function copyHeld(r)
  return r.s == FORWARDED and r.ru ~= 0 and now <= r.ru and redis.call('EXISTS', KEYS[2]) == 1
end

-- The copy as a script's reply: { copy }, or {} when its key is gone (expired, dropped or evicted).
local function copyReply()
  local copy = redis.call('GET', KEYS[2])
  if not copy then
    return {}
  end
  return { copy }
end

-- What the caller decides on: state, owner, claimedAt, firstOpenedAt, networks, claimedNow, created,
-- the owner browser ('' when none), whether its copy is held.
local function view(r, networks, claimedNow)
  local held = r.b ~= '' and copyHeld(r)
  return { r.s, r.o, r.ca, r.fo, networks, claimedNow and 1 or 0, r.created and 1 or 0, r.b, held and 1 or 0 }
end

