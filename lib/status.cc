/* status.cc — status strings and the one exception-to-status mapper that
 * every C entry point uses. */
#include "arkiv-private.h"

#include <cerrno>
#include <cstring>
#include <new>

extern "C" const char *arkiv_status_string(arkiv_status_t status)
{
    switch (status) {
    case ARKIV_STATUS_OK:
        return "ok";
    case ARKIV_STATUS_NOT_FOUND:
        return "not found";
    case ARKIV_STATUS_LOCKED:
        return "database is locked by another writer";
    case ARKIV_STATUS_MODIFIED:
        return "database was modified; reopen and retry";
    case ARKIV_STATUS_BAD_QUERY:
        return "bad query";
    case ARKIV_STATUS_IO:
        return "input/output error";
    case ARKIV_STATUS_CORRUPT:
        return "database is corrupt";
    case ARKIV_STATUS_NO_MEMORY:
        return "out of memory";
    case ARKIV_STATUS_INVALID_ARGUMENT:
        return "invalid argument";
    case ARKIV_STATUS_XAPIAN:
        return "Xapian error";
    case ARKIV_STATUS_UNAVAILABLE:
        return "a shard of the index does not answer";
    }
    return "unknown status";
}

/* Xapian names the system error of a failed read or write last, after
 * the block number ("Error writing block 443 (No space left on device)");
 * the user needs it first, with what to do about it. Compared with
 * strerror() because Xapian 1.4 keeps the errno to itself, and gives the
 * text in the same locale. */
static std::string describe_io(const Xapian::Error &e)
{
    std::string d = e.get_description();
    const char *why = e.get_error_string();
    if (!why)
        return d;
    std::string w = why;
    if (w == strerror(ENOSPC) || w == strerror(EDQUOT))
        return "the disk holding the index is full; free space and run again (" + d + ")";
    if (w == strerror(EROFS))
        return "the index is on a read-only file system (" + d + ")";
    if (w == strerror(EACCES) || w == strerror(EPERM))
        return "permission denied on the index files (" + d + ")";
    return d;
}

static arkiv_status_t map_current(std::string &detail)
{
    try {
        throw;
    } catch (const arkiv_shard_error &e) {
        detail = e.what();
        return ARKIV_STATUS_UNAVAILABLE;
    } catch (const arkiv_layout_error &e) {
        detail = e.what();
        return ARKIV_STATUS_INVALID_ARGUMENT;
    } catch (const Xapian::NetworkError &e) {
        /* A remote database (xapian-tcpsrv) that does not answer. */
        detail = e.get_description();
        return ARKIV_STATUS_UNAVAILABLE;
    } catch (const Xapian::DatabaseLockError &e) {
        detail = e.get_description();
        return ARKIV_STATUS_LOCKED;
    } catch (const Xapian::DatabaseModifiedError &e) {
        detail = e.get_description();
        return ARKIV_STATUS_MODIFIED;
    } catch (const Xapian::QueryParserError &e) {
        detail = e.get_msg();
        return ARKIV_STATUS_BAD_QUERY;
    } catch (const Xapian::DatabaseNotFoundError &e) {
        detail = e.get_description();
        return ARKIV_STATUS_NOT_FOUND;
    } catch (const Xapian::DocNotFoundError &e) {
        detail = e.get_description();
        return ARKIV_STATUS_NOT_FOUND;
    } catch (const Xapian::DatabaseCorruptError &e) {
        detail = e.get_description();
        return ARKIV_STATUS_CORRUPT;
    } catch (const Xapian::DatabaseOpeningError &e) {
        detail = describe_io(e);
        return ARKIV_STATUS_IO;
    } catch (const Xapian::DatabaseError &e) {
        detail = describe_io(e);
        return ARKIV_STATUS_IO;
    } catch (const Xapian::InvalidArgumentError &e) {
        detail = e.get_description();
        return ARKIV_STATUS_INVALID_ARGUMENT;
    } catch (const Xapian::Error &e) {
        detail = e.get_description();
        return ARKIV_STATUS_XAPIAN;
    } catch (const std::bad_alloc &) {
        detail = "out of memory";
        return ARKIV_STATUS_NO_MEMORY;
    } catch (const std::exception &e) {
        detail = e.what();
        return ARKIV_STATUS_XAPIAN;
    } catch (...) {
        detail = "unknown exception";
        return ARKIV_STATUS_XAPIAN;
    }
}

/* Copying a message may itself throw std::bad_alloc from inside a handler;
 * the outer catch keeps even that from leaving the library. */
arkiv_status_t arkiv_map_exception(std::string &detail) noexcept
{
    try {
        return map_current(detail);
    } catch (...) {
        return ARKIV_STATUS_NO_MEMORY;
    }
}
