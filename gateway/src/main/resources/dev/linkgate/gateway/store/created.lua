-- Links created across all replicas, counted per time bucket, for an approximate size().
-- KEYS[1]: a hash bucket -> count. ARGV[1]: now (caller's clock, epoch ms), ARGV[2]: link TTL ms,
-- ARGV[3]: bucket width ms, ARGV[4]: links this replica created since it last reported.
-- A link lives for the TTL from its creation, so creations within the last TTL are the live links
-- (over-counted by at most one bucket). Returns that sum.
local now, ttl, width, delta = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
-- Always a write, even of 0: the failover probe runs this script, and a Redis refusing writes (OOM) is down.
redis.call('HINCRBY', KEYS[1], string.format('%d', math.floor(now / width)), delta)
local total = 0
local buckets = redis.call('HGETALL', KEYS[1])
for i = 1, #buckets, 2 do
  if (tonumber(buckets[i]) + 1) * width + ttl <= now then
    redis.call('HDEL', KEYS[1], buckets[i])
  else
    total = total + tonumber(buckets[i + 1])
  end
end
redis.call('PEXPIRE', KEYS[1], ttl + width)
return total
