-- takeOver: ARGV[5] fingerprint. Claims the link whatever its state.
local r = fetch() or fresh()
claim(r, ARGV[5])
store(r)
return view(r, networksWithin(r), true)
