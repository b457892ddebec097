-- complete: ARGV[5] owner, ARGV[6] the response copy (empty for none), ARGV[7] the owner browser (hex, or
-- empty). 1 when the owner held the link.
local r = fetch()
if not r or r.s ~= IN_FLIGHT or r.o ~= ARGV[5] then
  return 0
end
r.s = FORWARDED
r.b = ARGV[7]
if r.fo == 0 then
  r.fo = r.ca
end
if ARGV[6] ~= '' then
  r.ru = now + retention
else
  r.ru, r.dropCopy = 0, true
end
store(r)
if ARGV[6] ~= '' then
  redis.call('SET', KEYS[2], ARGV[6], 'PX', math.max(1, retention))
end
return 1
