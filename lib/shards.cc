/* shards.cc — the layouts an index can have, and opening them.
 *
 *   - A plain index: one Xapian database (a directory), as always.
 *   - A sharded index (arkiv index --shards N): a directory holding a
 *     lexicon database (user metadata, synonyms and spelling data, no
 *     documents), N shard databases (the documents, and the failure
 *     records of their files) and a Xapian stub file XAPIANDB listing them,
 *     lexicon first. Xapian opens such a "stub directory" by itself, so
 *     xapian-delve and friends read it too.
 *   - Any Xapian stub file, for reading: local databases and remote ones
 *     served by xapian-tcpsrv.
 *
 * Xapian 1.4 cannot write to several databases through one handle, so a
 * writable sharded handle keeps one WritableDatabase per shard and routes
 * every document by a stable hash of its meeting id: a meeting and its
 * items always share a shard, and re-runs find them where they are.
 * Readers open each database of a stub themselves (Xapian would open the
 * stub in one go) so that a shard that does not answer can be named, or,
 * with allow_partial, left out. */
#include "arkiv-private.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char *const stub_file = "XAPIANDB";
static const char *const lexicon_dir = "lexicon";
static const std::string shards_key = "arkiv:shards"; /* lexicon: N */
static const std::string shard_key = "arkiv:shard";   /* each shard: "K/N" */

/* Remote shards: Xapian's default 10 s per message, but a host that does
 * not answer at all should not hold a web request for long. */
static const double remote_timeout_ms = 10000;
static const double remote_connect_timeout_ms = 3000;

arkiv_shard_error::arkiv_shard_error(const std::string &msg) : std::runtime_error(msg) {}

arkiv_layout_error::arkiv_layout_error(const std::string &msg) : std::invalid_argument(msg) {}

unsigned arkiv_shard_of(const std::string &meeting_id, unsigned n)
{
    uint64_t h = 14695981039346656037ull; /* FNV-1a, 64 bits */
    for (unsigned char c : meeting_id) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return n ? (unsigned)(h % n) : 0;
}

static bool exists(const std::string &path, mode_t type)
{
    struct stat st;
    return stat(path.c_str(), &st) == 0 && (st.st_mode & S_IFMT) == type;
}

static std::string shard_path(const std::string &dir, unsigned k)
{
    return dir + "/shard" + std::to_string(k);
}

/* ------------------------------------------------------------------ */
/* Writing */

static void write_stub(const std::string &dir, unsigned n)
{
    std::string tmp = dir + "/" + stub_file + ".tmp";
    {
        std::ofstream out(tmp);
        out << "# arkiv sharded index (arkiv index --shards " << n << ").\n"
            << "# The lexicon comes first: it holds the user metadata, synonyms and\n"
            << "# spelling data. Paths are relative to this directory.\n"
            << "auto " << lexicon_dir << "\n";
        for (unsigned k = 0; k < n; k++)
            out << "auto shard" << k << "\n";
        out.close();
        if (!out)
            throw Xapian::DatabaseCreateError("cannot write " + tmp, errno);
    }
    /* Renamed into place last: a directory with a stub is complete. */
    if (rename(tmp.c_str(), (dir + "/" + stub_file).c_str()) != 0)
        throw Xapian::DatabaseCreateError("cannot write " + dir + "/" + stub_file, errno);
}

static arkiv_part writable_part(const std::string &name, Xapian::WritableDatabase *w)
{
    arkiv_part p;
    p.name = name;
    p.kind = "auto";
    p.where = name;
    p.db = *w; /* shares the writable's internals: reads see pending changes */
    return p;
}

/* Opens (want == 0: as it is) or creates (want >= 2) the sharded index in
 * db->path. */
static void open_sharded(arkiv_db_t *db, unsigned want)
{
    const std::string &dir = db->path;
    if (!exists(dir, S_IFDIR) && mkdir(dir.c_str(), 0777) != 0)
        throw Xapian::DatabaseCreateError("cannot create " + dir, errno);
    db->wdb = new Xapian::WritableDatabase(dir + "/" + lexicon_dir, Xapian::DB_CREATE_OR_OPEN);
    db->parts.push_back(writable_part(dir + "/" + lexicon_dir, db->wdb));
    unsigned n = (unsigned)strtoul(db->wdb->get_metadata(shards_key).c_str(), nullptr, 10);
    bool create = n == 0;
    if (create && want < 2)
        throw Xapian::DatabaseCorruptError(dir + " is an incomplete sharded index (no shard " +
                                           "count); remove it and index again");
    if (!create && want && want != n)
        throw arkiv_layout_error(dir + " has " + std::to_string(n) + " shards, not " +
                                 std::to_string(want) + "; another shard count needs a new index");
    if (create)
        n = want;
    for (unsigned k = 0; k < n; k++) {
        std::string path = shard_path(dir, k);
        if (!create && !exists(path, S_IFDIR))
            throw Xapian::DatabaseCorruptError(dir + ": shard " + std::to_string(k) + " (" + path +
                                               ") is missing");
        db->shard_w.push_back(new Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN));
        db->parts.push_back(writable_part(path, db->shard_w.back()));
        if (create) {
            db->shard_w.back()->set_metadata(shard_key,
                                             std::to_string(k) + "/" + std::to_string(n));
            db->shard_w.back()->commit();
        }
    }
    if (create) {
        db->wdb->set_metadata(shards_key, std::to_string(n));
        db->wdb->commit();
        write_stub(dir, n);
    }
}

static void open_writable(arkiv_db_t *db, unsigned shards)
{
    const std::string &path = db->path;
    bool sharded = exists(path + "/" + lexicon_dir, S_IFDIR);
    if (sharded)
        return open_sharded(db, shards);
    if (exists(path, S_IFREG) || exists(path + "/" + stub_file, S_IFREG))
        throw arkiv_layout_error(
            path + " is a stub listing databases; arkiv index writes to an index directory");
    bool plain = exists(path + "/iamglass", S_IFREG) || exists(path + "/iamchert", S_IFREG);
    if (shards > 1 && plain)
        throw arkiv_layout_error(path + " is an index of one database; --shards " +
                                 "needs a new index");
    if (shards > 1)
        return open_sharded(db, shards);
    db->wdb = new Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
    db->parts.push_back(writable_part(path, db->wdb));
}

Xapian::WritableDatabase &arkiv_home_shard(arkiv_db_t *db, const std::string &meeting_id)
{
    if (db->shard_w.empty())
        return *db->wdb;
    return *db->shard_w[arkiv_shard_of(meeting_id, (unsigned)db->shard_w.size())];
}

std::vector<Xapian::WritableDatabase *> arkiv_doc_shards(arkiv_db_t *db)
{
    if (db->shard_w.empty())
        return {db->wdb};
    return db->shard_w;
}

/* ------------------------------------------------------------------ */
/* Reading */

/* A line of a stub file, as Xapian 1.4 reads it (backends/dbfactory.cc):
 * "auto PATH", "glass PATH", "chert PATH", "remote HOST:PORT",
 * "remote :PROGRAM ARGS", "inmemory"; "#" starts a comment line; relative
 * paths are relative to the stub's directory. arkiv also takes
 * "remote tcp HOST:PORT", which Xapian itself does not. */
static bool parse_line(const std::string &line, const std::string &stub_dir, arkiv_part &p)
{
    size_t space = line.find(' ');
    std::string type = line.substr(0, space);
    std::string rest = space == std::string::npos ? "" : line.substr(space + 1);
    p.name = line;
    if (type == "auto" || type == "glass" || type == "chert") {
        if (rest.empty())
            return false;
        p.kind = type;
        p.where = rest[0] == '/' ? rest : stub_dir + "/" + rest;
        p.name = rest;
        return true;
    }
    if (type == "inmemory" && rest.empty()) {
        p.kind = type;
        return true;
    }
    if (type != "remote" || rest.empty())
        return false;
    if (rest[0] == ':') {
        size_t sp = rest.find(' ');
        p.kind = "prog";
        p.where = rest.substr(1, sp == std::string::npos ? std::string::npos : sp - 1);
        p.args = sp == std::string::npos ? "" : rest.substr(sp + 1);
        return !p.where.empty();
    }
    if (rest.compare(0, 4, "tcp ") == 0)
        rest.erase(0, 4);
    size_t colon = rest.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == rest.size())
        return false;
    std::string host = rest.substr(0, colon), port = rest.substr(colon + 1);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    char *end = nullptr;
    unsigned long n = strtoul(port.c_str(), &end, 10);
    if (*end || n == 0 || n > 65535)
        return false;
    p.kind = "tcp";
    p.where = host;
    p.args = port;
    p.name = "remote " + rest;
    return true;
}

static std::vector<arkiv_part> read_stub(const std::string &stub)
{
    std::ifstream in(stub);
    if (!in)
        throw Xapian::DatabaseNotFoundError("cannot open stub database file " + stub, errno);
    size_t slash = stub.rfind('/');
    std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : stub.substr(0, slash);
    std::vector<arkiv_part> parts;
    unsigned line_no = 0;
    for (std::string line; std::getline(in, line);) {
        line_no++;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty() || line[0] == '#')
            continue;
        arkiv_part p;
        if (!parse_line(line, dir, p))
            throw Xapian::DatabaseOpeningError(stub + ":" + std::to_string(line_no) +
                                               ": not a database line");
        parts.push_back(std::move(p));
    }
    return parts;
}

static Xapian::Database open_part(const arkiv_part &p)
{
    if (p.kind == "tcp")
        return Xapian::Remote::open(p.where, (unsigned)strtoul(p.args.c_str(), nullptr, 10),
                                    remote_timeout_ms, remote_connect_timeout_ms);
    if (p.kind == "prog")
        return Xapian::Remote::open(p.where, p.args, remote_timeout_ms);
    if (p.kind == "glass")
        return Xapian::Database(p.where, Xapian::DB_BACKEND_GLASS);
    if (p.kind == "chert")
        return Xapian::Database(p.where, Xapian::DB_BACKEND_CHERT);
    if (p.kind == "inmemory")
        return Xapian::Database(std::string(), Xapian::DB_BACKEND_INMEMORY);
    return Xapian::Database(p.where);
}

/* A shard that still does not answer when reopening is asked again at
 * most this often, so a long-lived reader (the web frontend reopens
 * before every request) does not wait for a dead host's connect timeout
 * every time. */
static const double retry_interval_s = 30;

static double now_s()
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Tries to open p; false (with the reason) when it does not answer. */
static bool try_open(arkiv_part &p)
{
    try {
        p.db = open_part(p);
        p.up = true;
        p.reason.clear();
        return true;
    } catch (const Xapian::Error &e) {
        p.up = false;
        p.reason = e.get_description();
        return false;
    }
}

static void rebuild_all(arkiv_db_t *db)
{
    db->all = Xapian::Database();
    for (const arkiv_part &p : db->parts)
        if (p.up)
            db->all.add_database(p.db);
    db->has_facet_slots = -1;
}

static std::string down_message(const arkiv_db_t *db)
{
    std::string msg;
    for (const arkiv_part &p : db->parts)
        if (!p.up) {
            if (!msg.empty())
                msg += "; ";
            msg += "shard " + p.name + " does not answer: " + p.reason;
        }
    return msg;
}

/* Binary files are databases (single-file glass), text files stubs. */
static bool looks_like_stub(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    char buf[256];
    in.read(buf, sizeof buf);
    std::streamsize n = in.gcount();
    return n > 0 && memchr(buf, '\0', (size_t)n) == nullptr;
}

static void open_readonly(arkiv_db_t *db)
{
    const std::string &path = db->path;
    std::string stub;
    if (exists(path, S_IFREG) && looks_like_stub(path))
        stub = path;
    else if (exists(path, S_IFDIR) && !exists(path + "/iamglass", S_IFREG) &&
             exists(path + "/" + stub_file, S_IFREG))
        stub = path + "/" + stub_file;
    if (stub.empty()) {
        arkiv_part p;
        p.name = p.where = path;
        p.kind = "auto";
        p.db = Xapian::Database(path);
        db->parts.push_back(std::move(p));
        rebuild_all(db);
        return;
    }
    db->parts = read_stub(stub);
    size_t up = 0;
    for (arkiv_part &p : db->parts)
        up += try_open(p);
    if (up < db->parts.size() && (!db->allow_partial || up == 0))
        throw arkiv_shard_error(down_message(db));
    rebuild_all(db);
}

void arkiv_open_parts(arkiv_db_t *db, arkiv_db_mode_t mode, unsigned shards)
{
    if (mode == ARKIV_DB_WRITABLE) {
        open_writable(db, shards);
        db->writable = true;
        /* All changes live in a transaction until arkiv_db_commit(), so a
         * handle closed without commit leaves the index exactly as it was
         * at the last commit (Xapian would otherwise auto-commit). */
        for (Xapian::WritableDatabase *w : arkiv_doc_shards(db))
            w->begin_transaction(true);
        if (!db->shard_w.empty())
            db->wdb->begin_transaction(true);
        rebuild_all(db);
    } else {
        open_readonly(db);
    }
}

void arkiv_close_parts(arkiv_db_t *db) noexcept
{
    /* Drop uncommitted changes explicitly; the destructors would
     * otherwise decide for us and swallow any error. */
    std::vector<Xapian::WritableDatabase *> writers = db->shard_w;
    if (db->wdb)
        writers.push_back(db->wdb);
    db->synonyms_pending.clear();
    for (Xapian::WritableDatabase *w : writers)
        try {
            w->cancel_transaction();
        } catch (...) {
        }
    try {
        db->all = Xapian::Database();
        db->parts.clear();
    } catch (...) {
    }
    for (Xapian::WritableDatabase *w : writers)
        try {
            delete w;
        } catch (...) {
        }
    db->shard_w.clear();
    db->wdb = nullptr;
}

arkiv_status_t arkiv_lost_shard(arkiv_db_t *db, const std::string &detail) noexcept
{
    try {
        std::string lost;
        size_t up = 0;
        /* A connection that failed mid-answer may be out of step with its
         * server, so every remote part gets a fresh one. */
        for (arkiv_part &p : db->parts) {
            if (p.up && (p.kind == "tcp" || p.kind == "prog")) {
                arkiv_part fresh = p;
                if (try_open(fresh)) {
                    p = fresh;
                } else {
                    lost += (lost.empty() ? "" : "; ") +
                            ("shard " + p.name + " does not answer: " + fresh.reason);
                    p.reason = fresh.reason;
                    p.retry_at = 0; /* the next reopen may try again */
                    /* Strict handles keep the shard, and keep failing. */
                    p.up = !db->allow_partial;
                }
            }
            up += p.up;
        }
        rebuild_all(db);
        if (lost.empty())
            return ARKIV_STATUS_OK; /* a passing failure: try once more */
        if (!db->allow_partial || up == 0) {
            db->error = lost;
            return ARKIV_STATUS_UNAVAILABLE;
        }
        return ARKIV_STATUS_OK;
    } catch (...) {
        std::string ignored;
        arkiv_status_t st = arkiv_map_exception(ignored);
        try {
            db->error = detail;
        } catch (...) {
        }
        return st;
    }
}

void arkiv_retry_missing(arkiv_db_t *db)
{
    bool changed = false;
    double now = now_s();
    for (arkiv_part &p : db->parts)
        if (!p.up && now >= p.retry_at) {
            changed |= try_open(p);
            if (!p.up)
                p.retry_at = now + retry_interval_s;
        }
    if (changed)
        rebuild_all(db);
}

arkiv_status_t arkiv_db_guarded(arkiv_db_t *db, const std::function<arkiv_status_t()> &fn) noexcept
{
    try {
        std::string detail;
        try {
            return fn();
        } catch (const Xapian::NetworkError &e) {
            detail = e.get_description();
        } catch (...) {
            return arkiv_map_exception(db->error);
        }
        arkiv_status_t st = arkiv_lost_shard(db, detail);
        if (st != ARKIV_STATUS_OK)
            return st;
        try {
            return fn();
        } catch (...) {
            return arkiv_map_exception(db->error);
        }
    } catch (...) {
        return ARKIV_STATUS_NO_MEMORY;
    }
}

std::string arkiv_db::get_metadata(const std::string &key)
{
    if (parts.empty() || !parts[0].up)
        return "";
    return parts[0].db.get_metadata(key);
}

extern "C" size_t arkiv_db_missing_count(const arkiv_db_t *db)
{
    size_t n = 0;
    if (db)
        for (const arkiv_part &p : db->parts)
            n += !p.up;
    return n;
}

extern "C" const char *arkiv_db_missing_shard(const arkiv_db_t *db, size_t i,
                                              const char **reason_out)
{
    if (reason_out)
        *reason_out = nullptr;
    if (!db)
        return nullptr;
    for (const arkiv_part &p : db->parts)
        if (!p.up && i-- == 0) {
            if (reason_out)
                *reason_out = p.reason.c_str();
            return p.name.c_str();
        }
    return nullptr;
}
