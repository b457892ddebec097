-- sharedResponse: ARGV[5] fingerprint, ARGV[6] double-click window ms. {copy} for the owner of a FORWARDED
-- link within the double-click part of its retention, else {}.
local r = fetch()
if not r or r.ru == 0 then
  return {}
end
if now > r.ru then
  redis.call('DEL', KEYS[2])
  redis.call('HSET', KEYS[1], 'ru', '0')
  return {}
end
if r.o ~= ARGV[5] or r.s ~= FORWARDED or now > r.ru - retention + tonumber(ARGV[6]) then
  return {}
end
return copyReply()
