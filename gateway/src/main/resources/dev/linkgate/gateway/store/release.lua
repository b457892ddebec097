-- release: ARGV[5] owner. Back to how the link stood before the claim: used (FORWARDED) or OPEN.
local r = fetch()
if not r or r.s ~= IN_FLIGHT or r.o ~= ARGV[5] then
  return 0
end
r.s = r.fo ~= 0 and FORWARDED or OPEN
r.o, r.ca = '0', 0
store(r)
return 1
