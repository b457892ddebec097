-- dropCopy: ARGV[5] the retention end of the copy to drop (the memory budget's oldest). 1 when dropped; 0
-- when the link has another copy since, or none.
local r = fetch()
if not r or r.ru == 0 or r.ru ~= tonumber(ARGV[5]) then
  return 0
end
r.ru, r.dropCopy = 0, true
store(r)
return 1
