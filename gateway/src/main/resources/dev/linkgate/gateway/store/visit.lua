-- visit: ARGV[5] fingerprint, ARGV[6] network, ARGV[7] '1' to count for fan-out, ARGV[8] '1' to claim,
-- ARGV[9] the networks that make fan-out (no claim from that many).
local r = fetch() or fresh()
local networks = recordNetwork(r, ARGV[6], ARGV[7] == '1')
local claimed = ARGV[8] == '1' and r.s == OPEN and networks < tonumber(ARGV[9])
if claimed then
  claim(r, ARGV[5])
end
store(r)
return view(r, networks, claimed)
