CMakeFiles/citadel_shared.dir/src/storage/ps.c.o: \
 /work/main/src/storage/ps.c /work/main/include/psa/protected_storage.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stdint.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stdint-gcc.h \
 /work/main/include/psa/error.h /work/main/include/psa/storage_common.h \
 /work/main/include/psa/crypto.h /work/main/include/psa/crypto_types.h \
 /work/main/include/psa/crypto_values.h \
 /work/main/include/psa/crypto_sizes.h \
 /work/main/include/psa/crypto_struct.h /work/main/src/util/ct.h \
 /work/main/src/platform/platform.h /work/main/src/storage/storage.h \
 /work/main/include/psa/error.h /work/main/include/psa/storage_common.h \
 /work/main/src/storage/storage.h /work/main/src/util/util.h \
 /usr/include/string.h \
 /usr/include/x86_64-linux-gnu/bits/libc-header-start.h \
 /usr/include/features.h /usr/include/features-time64.h \
 /usr/include/x86_64-linux-gnu/bits/wordsize.h \
 /usr/include/x86_64-linux-gnu/bits/timesize.h /usr/include/stdc-predef.h \
 /usr/include/x86_64-linux-gnu/sys/cdefs.h \
 /usr/include/x86_64-linux-gnu/bits/long-double.h \
 /usr/include/x86_64-linux-gnu/gnu/stubs.h \
 /usr/include/x86_64-linux-gnu/gnu/stubs-64.h
