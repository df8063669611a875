CMakeFiles/citadel_static.dir/src/drivers/x86/x86_driver.c.o: \
 /work/main/src/drivers/x86/x86_driver.c /usr/include/stdc-predef.h \
 /work/main/src/drivers/x86/x86_driver.h \
 /work/main/src/drivers/builtin/builtin.h \
 /work/main/src/drivers/builtin/primitives.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stdint.h /usr/include/stdint.h \
 /usr/include/x86_64-linux-gnu/bits/libc-header-start.h \
 /usr/include/features.h /usr/include/features-time64.h \
 /usr/include/x86_64-linux-gnu/bits/wordsize.h \
 /usr/include/x86_64-linux-gnu/bits/timesize.h \
 /usr/include/x86_64-linux-gnu/sys/cdefs.h \
 /usr/include/x86_64-linux-gnu/bits/long-double.h \
 /usr/include/x86_64-linux-gnu/gnu/stubs.h \
 /usr/include/x86_64-linux-gnu/gnu/stubs-64.h \
 /usr/include/x86_64-linux-gnu/bits/types.h \
 /usr/include/x86_64-linux-gnu/bits/typesizes.h \
 /usr/include/x86_64-linux-gnu/bits/time64.h \
 /usr/include/x86_64-linux-gnu/bits/wchar.h \
 /usr/include/x86_64-linux-gnu/bits/stdint-intn.h \
 /usr/include/x86_64-linux-gnu/bits/stdint-uintn.h \
 /work/main/include/psa/crypto.h /work/main/include/psa/error.h \
 /work/main/include/psa/crypto_types.h \
 /work/main/include/psa/crypto_values.h \
 /work/main/include/psa/crypto_sizes.h \
 /work/main/include/psa/crypto_struct.h /work/main/src/drivers/x86/x86.h \
 /work/main/src/crypto/config_derive.h \
 /work/main/include/citadel/citadel_config.h \
 /work/main/src/drivers/builtin/primitives.h /work/main/src/util/util.h \
 /usr/include/string.h
