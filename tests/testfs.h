/* testfs.h — files and folders for the test programs: copies of sample
 * folders and their removal. Failures end the test (Check assertions). */
#ifndef ARKIV_TESTFS_H
#define ARKIV_TESTFS_H

/* Copy one file's bytes. */
void testfs_copy_file(const char *from, const char *to);
/* Make `to` (and its parents) and copy the regular files of `from` into
 * it; sub-folders are not entered. */
void testfs_copy_dir(const char *from, const char *to);
/* Remove `path` and everything under it; a missing path is fine. */
void testfs_rm_rf(const char *path);

#endif
