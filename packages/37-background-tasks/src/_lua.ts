/**
 * The queue's state transitions, each one Lua script. Keys, always in this order where a script uses them:
 * ready (LIST: LPUSH in, RPOP out, so FIFO), active (ZSET id → lease deadline), delayed (ZSET id → due
 * time), dead (LIST). The job hash is `<jobPrefix><id>`: scripts build it from ARGV, which is fine on one
 * Redis; on Redis Cluster every key would need one hash tag in the prefix (`{reports}:`), as BullMQ asks.
 */

/**
 * Promotes due delayed jobs and returns expired leases to the queue (or to the dead list once a job has
 * used its attempts: a job that kills its worker every time must not loop forever). Shared by `maintain`
 * and `reserve`, so every reservation first repairs what crashed workers left behind.
 * Uses: KEYS[1..4], ARGV[1] = now, ARGV[3] = jobPrefix. Leaves `promoted`, `requeued`, `buried` set.
 */
const MAINTAIN = `
local now = tonumber(ARGV[1])
local jobPrefix = ARGV[3]
local promoted, requeued, buried = 0, 0, 0
local due = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now, 'LIMIT', 0, 1000)
for _, id in ipairs(due) do
  redis.call('ZREM', KEYS[3], id)
  redis.call('LPUSH', KEYS[1], id)
  redis.call('HSET', jobPrefix .. id, 'status', 'waiting')
  redis.call('HDEL', jobPrefix .. id, 'runAt')
  promoted = promoted + 1
end
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 1000)
for _, id in ipairs(expired) do
  redis.call('ZREM', KEYS[2], id)
  local job = jobPrefix .. id
  local attempts = tonumber(redis.call('HGET', job, 'attempts') or '0')
  local maxAttempts = tonumber(redis.call('HGET', job, 'maxAttempts') or '1')
  redis.call('HSET', job, 'lastError', 'lease expired: the worker stopped answering (crashed, killed or stuck)')
  if attempts >= maxAttempts then
    redis.call('HSET', job, 'status', 'dead', 'finishedAt', now)
    redis.call('LPUSH', KEYS[4], id)
    buried = buried + 1
  else
    redis.call('HSET', job, 'status', 'waiting')
    -- RPUSH: the front of the queue (RPOP end); it has waited longest.
    redis.call('RPUSH', KEYS[1], id)
    requeued = requeued + 1
  end
end
`;

/** ARGV: now, (unused), jobPrefix. Returns {promoted, requeued, buried}. */
export const MAINTAIN_LUA = `${MAINTAIN}
return {promoted, requeued, buried}
`;

/**
 * ARGV: now, visibilityMs, jobPrefix. Takes the oldest ready job and leases it: attempts + 1, status
 * active, deadline in the active ZSET. Ids whose hash is gone (removed by hand) are skipped.
 * Returns {} or {id, payload, attempt, maxAttempts, deadline}.
 */
export const RESERVE_LUA = `${MAINTAIN}
local visibility = tonumber(ARGV[2])
while true do
  local id = redis.call('RPOP', KEYS[1])
  if not id then return {} end
  local job = jobPrefix .. id
  if redis.call('EXISTS', job) == 1 then
    local attempt = redis.call('HINCRBY', job, 'attempts', 1)
    local deadline = now + visibility
    redis.call('HSET', job, 'status', 'active')
    redis.call('ZADD', KEYS[2], deadline, id)
    local fields = redis.call('HMGET', job, 'payload', 'maxAttempts')
    return {id, fields[1], attempt, tonumber(fields[2]), deadline}
  end
end
`;

/**
 * KEYS: job hash, ready, delayed, idempotency key ('' for none). ARGV: id, payload, now, delayMs,
 * maxAttempts, idempotencyTtlMs, jobPrefix. Returns {id, outcome}: created, duplicate (that id exists),
 * replayed (that idempotency key was used for the same payload) or conflict (for another payload).
 */
export const ENQUEUE_LUA = `
local idemKey = KEYS[4]
if idemKey ~= '' then
  local existing = redis.call('GET', idemKey)
  if existing then
    local stored = redis.call('HGET', ARGV[7] .. existing, 'payload')
    if stored and stored ~= ARGV[2] then return {existing, 'conflict'} end
    return {existing, 'replayed'}
  end
end
if redis.call('EXISTS', KEYS[1]) == 1 then return {ARGV[1], 'duplicate'} end
local now = tonumber(ARGV[3])
local delay = tonumber(ARGV[4])
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'payload', ARGV[2], 'attempts', 0, 'maxAttempts', ARGV[5], 'createdAt', now)
if delay > 0 then
  redis.call('HSET', KEYS[1], 'status', 'delayed', 'runAt', now + delay)
  redis.call('ZADD', KEYS[3], now + delay, ARGV[1])
else
  redis.call('HSET', KEYS[1], 'status', 'waiting')
  redis.call('LPUSH', KEYS[2], ARGV[1])
end
if idemKey ~= '' then redis.call('SET', idemKey, ARGV[1], 'PX', ARGV[6]) end
return {ARGV[1], 'created'}
`;

/**
 * The lease check every holder-side script starts with: the job is still in the active set AND its attempt
 * counter is the one this holder was given. After a lease expired and another worker took the job, the old
 * holder's ack, failure or heartbeat is refused (returns 0).
 * KEYS[1] = job hash, KEYS[2] = active. ARGV[1] = id, ARGV[2] = attempt, ARGV[3] = now.
 */
const HOLDS_LEASE = `
if not redis.call('ZSCORE', KEYS[2], ARGV[1]) then return 0 end
if redis.call('HGET', KEYS[1], 'attempts') ~= ARGV[2] then return 0 end
local now = tonumber(ARGV[3])
`;

/** ARGV[4] = visibilityMs. Returns the new deadline, or 0 when the lease is lost. */
export const HEARTBEAT_LUA = `${HOLDS_LEASE}
local deadline = now + tonumber(ARGV[4])
redis.call('ZADD', KEYS[2], deadline, ARGV[1])
return deadline
`;

/** ARGV[4] = result JSON, ARGV[5] = keepMs (how long the finished hash stays readable). Returns 1 or 0. */
export const COMPLETE_LUA = `${HOLDS_LEASE}
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HSET', KEYS[1], 'status', 'completed', 'finishedAt', now, 'result', ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1
`;

/**
 * KEYS[3] = delayed, KEYS[4] = dead. ARGV[4] = error text, ARGV[5] = retry delay ms.
 * Returns 0 (lease lost), 1 (scheduled for a retry) or 2 (attempts used up: moved to the dead list).
 */
export const FAIL_LUA = `${HOLDS_LEASE}
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HSET', KEYS[1], 'lastError', ARGV[4])
local attempts = tonumber(ARGV[2])
local maxAttempts = tonumber(redis.call('HGET', KEYS[1], 'maxAttempts'))
if attempts >= maxAttempts then
  redis.call('HSET', KEYS[1], 'status', 'dead', 'finishedAt', now)
  redis.call('LPUSH', KEYS[4], ARGV[1])
  return 2
end
local runAt = now + tonumber(ARGV[5])
redis.call('HSET', KEYS[1], 'status', 'delayed', 'runAt', runAt)
redis.call('ZADD', KEYS[3], runAt, ARGV[1])
return 1
`;

/**
 * KEYS: job hash, ready, dead. ARGV: id. A dead job back in the queue with a fresh set of attempts (after
 * the bug that killed it is fixed). Returns 1, or 0 when the id is not on the dead list.
 */
export const REDRIVE_LUA = `
if redis.call('LREM', KEYS[3], 1, ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'status', 'waiting', 'attempts', 0)
redis.call('HDEL', KEYS[1], 'finishedAt')
redis.call('LPUSH', KEYS[2], ARGV[1])
return 1
`;
