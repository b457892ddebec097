-- resumeCopy: ARGV[5] browser (hex). {copy} for the browser that owns a FORWARDED link within the copy's
-- retention, else {}. The gateway already compared the owner in constant time from visit's view; this check
-- only makes sure the copy still belongs to that browser when it is fetched.
local r = fetch()
if not r or r.b == '' or r.b ~= ARGV[5] or not copyHeld(r) then
  return {}
end
return copyReply()
