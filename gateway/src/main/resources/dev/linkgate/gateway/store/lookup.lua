-- lookup: the view without changing the link ({} when unknown or expired).
local r = fetch()
if not r then
  return {}
end
return view(r, networksWithin(r), false)
