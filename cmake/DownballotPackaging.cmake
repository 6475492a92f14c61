# The Debian package (`scripts/package`, docs/packaging.md): the binary, the dashboard, the
# default tables, a man page and bash completion generated from the CLI's help, the README,
# copyright and changelog. Generated files come from build/<preset>/packaging, written by
# scripts/package before cpack runs.
include(GNUInstallDirs)
set(DOWNBALLOT_PACKAGING_DIR ${PROJECT_BINARY_DIR}/packaging)

install(TARGETS downballot RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/web/dist/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/downballot/web OPTIONAL)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/config/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/downballot/config)
install(FILES ${DOWNBALLOT_PACKAGING_DIR}/downballot.1.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 OPTIONAL)
install(FILES ${DOWNBALLOT_PACKAGING_DIR}/downballot.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME downballot OPTIONAL)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/packaging/copyright
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/downballot)
install(FILES ${DOWNBALLOT_PACKAGING_DIR}/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/downballot OPTIONAL)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME downballot)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "find winnable downballot races from public election returns")
# The extended description; cpack puts the summary above it as the synopsis.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "downballot reads OpenElections results, MEDSL returns, FiveThirtyEight primary
candidates and FEC bulk files into a local SQLite store, ranks every race down
to party committee seats, plans what a campaign takes, shows who funds a
candidate, and serves a JSON API and a web dashboard on the loopback address.")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "downballot authors <downballot@users.noreply.github.com>")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/downballot/downballot")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
